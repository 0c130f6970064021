package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.support.OracleRun;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The remark on a bool symbol compared with m ({@link ModTests}): which tests conf names, in
 * which order, on which stream. Each tree declares bool symbols O1..O20; the expected lines are
 * the kernel's (conf 5.10, 6.1, 6.12, 7.3), and with KCONFIG4J_ORACLE set the kernel is asked too.
 */
class ModTestsTest {

    private static String tree(String version, String entries) {
        String modules = version.equals("5.10") ? "option modules" : "modules";
        String symbols = IntStream.rangeClosed(1, 20).mapToObj(i -> "config O" + i + "\n\tbool \"o" + i + "\"\n")
                .collect(Collectors.joining());
        return "config MODULES\n\tbool \"modules\"\n\tdefault y\n\t" + modules + "\n" + symbols + entries;
    }

    /** The remarks conf prints for the tree, as "O1 n" (symbol, forced value), in order. */
    private static List<String> remarks(String version, String entries) {
        String kconfig = tree(version, entries);
        ConfRun.Result ours = OracleRun.sameAsKernel(version, kconfig, null, "--olddefconfig");
        assertThat(ours.exit()).isZero();
        if (OracleRun.available(version)) {
            ConfRun.Result kernel = OracleRun.run(version, kconfig, null, "", Map.of(), "--olddefconfig");
            assertThat(ours.stdout()).as("standard output, conf-" + version).isEqualTo(kernel.stdout());
        }
        return ours.stdout().lines().map(l -> l.replaceAll("boolean symbol (\\w+) tested for 'm'\\? test forced to '(.)'", "$1 $2"))
                .toList();
    }

    private static final String EVERY_PLACE = """
            menu "m"
            	depends on O1=m
            	visible if O2=m
            config A
            	bool "a" if O3=m
            	depends on O4=m
            	default y if O5=m
            	select X if O6=m
            	imply X if O7=m
            config X
            	bool
            config I
            	int "i"
            	range 1 5 if O8=m
            endmenu
            if O9=m
            config C
            	bool "c"
            	depends on O10=m
            endif
            choice
            	prompt "c" if O11 = m
            	depends on O12 = m
            config C1
            	bool "c1"
            	depends on O13 = m
            endchoice
            comment "x"
            	depends on O14 = m
            config D
            	bool "d"
            	depends on (O15=m || O16!=m) && !(O17=m)
            config E
            	bool "e"
            	depends on O18 = m
            	depends on O1 = m
            """;

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "6.1"})
    void upTo61EachBlockIsExaminedBeforeTheBlocksInsideItEachConditionLeftToRight(String version) {
        assertThat(remarks(version, EVERY_PLACE)).containsExactly(
                // the top block: menu m, if, choice (dependency, then prompt), comment, D, E
                "O1 n", "O9 n", "O12 n", "O11 n", "O14 n", "O15 n", "O16 y", "O17 n", "O18 n", "O1 n",
                // inside menu m: A (dependency, prompt with the menu's visible if, default, select,
                // imply), I (prompt with visible if, range)
                "O4 n", "O3 n", "O2 n", "O5 n", "O6 n", "O7 n", "O2 n", "O8 n",
                // inside the if, inside the choice
                "O10 n", "O13 n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "7.3"})
    void from612EachConditionIsExaminedRightToLeft(String version) {
        assertThat(remarks(version, EVERY_PLACE)).containsExactly(
                "O1 n", "O9 n", "O12 n", "O11 n", "O14 n", "O17 n", "O16 y", "O15 n", "O1 n", "O18 n",
                "O4 n", "O2 n", "O3 n", "O5 n", "O6 n", "O7 n", "O2 n", "O8 n",
                "O10 n", "O13 n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "7.3"})
    void aPromptCarriesTheVisibleIfOfEveryEnclosingMenuInnermostFirst(String version) {
        List<String> r = remarks(version, """
                menu "a"
                	visible if O1=m
                menu "b"
                	visible if O2=m
                	depends on O4=m
                config Z
                	bool "z" if O3=m
                comment "no visible if for a comment"
                endmenu
                endmenu
                """);
        assertThat(r).containsExactlyElementsOf(version.equals("5.10")
                ? List.of("O4 n", "O3 n", "O2 n", "O1 n")
                : List.of("O4 n", "O1 n", "O2 n", "O3 n"));
    }

    @Test
    void onlyABoolSymbolWrittenLeftOfMInACondition() {
        assertThat(remarks("6.1", """
                config T
                	tristate "t"
                config U
                	bool "u"
                	depends on T=m || m=O1 || O2<m || O3="m"
                	default O4=m
                config L
                	bool "l"
                	depends on LATER=m || UNDEFINED=m
                config LATER
                	bool "later"
                """)).containsExactly("O3 n", "LATER n");
    }

    @Test
    void theLibraryGivesEachRemarkAsANoteAtItsLine() throws Exception {
        ConfRun run = ConfRun.tree("7.3", tree("7.3", "config A\n\tbool \"a\"\n\tdepends on O1=m\n"));
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        Kconfig k = Kconfig.load(Kconfig.Options.of(run.dir(), "Kconfig", Map.of("srctree", run.dir().toString()),
                run.dir()), none, none);
        assertThat(k.diagnostics()).containsExactly(Diagnostic.note("Kconfig", 47, "boolean symbol O1 tested for 'm'? test forced to 'n'"));
    }
}
