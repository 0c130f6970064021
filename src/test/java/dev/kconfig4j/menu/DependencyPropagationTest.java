package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code if}, {@code menu}, {@code choice} and {@code depends on} pass their conditions to
 * the entries they enclose, and how dependencies place an entry in the menu tree. The
 * {@code .config} expectations were produced by the kernel's conf 6.1, 6.12 and 7.3 (identical);
 * the tree shapes are those the kernel's conf 6.12 shows as indentation in {@code --oldaskconfig}.
 */
class DependencyPropagationTest {

    private static final String TREE = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            config A
            	bool "a"
            config M
            	tristate "m"
            	default m
            if A
            config IN_IF
            	bool "in if"
            	default y
            endif
            menu "depends"
            	depends on A
            config IN_MENU
            	bool "in menu"
            	default y
            endmenu
            menu "hidden"
            	visible if A
            config IN_INVISIBLE_MENU
            	bool "in invisible menu"
            	default y
            endmenu
            config PROMPT_IF
            	bool "prompt if" if A
            	default y
            config OWN_DEPENDS
            	bool "own depends"
            	default y
            	depends on A
            config CAPPED
            	tristate "capped by m"
            	default y
            	depends on M
            config BOTH
            	bool "both"
            	default y
            	depends on M
            	depends on !A
            choice
            	prompt "choice"
            	depends on A
            config C1
            	bool "c1"
            config C2
            	bool "c2"
            endchoice
            if M
            menu "nested"
            	depends on !A
            config NESTED
            	tristate "nested"
            	default y
            endmenu
            endif
            config SELECTOR
            	bool
            	default y
            	depends on A
            	select TARGET
            config TARGET
            	bool
            """;

    /** The user tries to switch off two symbols whose prompts are hidden. */
    private static final String USER = "CONFIG_IN_INVISIBLE_MENU=n\nCONFIG_PROMPT_IF=n\n";

    @Test
    void withTheConditionOffEverythingInsideIsNAndUnwritten() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).config(USER).run("--olddefconfig");
        // IN_IF, IN_MENU, OWN_DEPENDS, the choice and SELECTOR depend on A: gone, and TARGET with
        // them. "visible if" and a prompt's "if" hide only the prompt: the defaults still apply and
        // the user's n is ignored. A tristate depending on an m symbol is capped at m; a bool
        // depending on it is y. NESTED gets both the if's M and the menu's !A.
        assertThat(r.body()).isEqualTo("""
                CONFIG_MODULES=y
                # CONFIG_A is not set
                CONFIG_M=m
                CONFIG_IN_INVISIBLE_MENU=y
                CONFIG_PROMPT_IF=y
                CONFIG_CAPPED=m
                CONFIG_BOTH=y

                #
                # nested
                #
                CONFIG_NESTED=m
                # end of nested
                """);
    }

    @Test
    void withTheConditionOnTheEntriesAppearAndTheUserDecides() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).config("CONFIG_A=y\n" + USER).run("--olddefconfig");
        assertThat(r.body()).isEqualTo("""
                CONFIG_MODULES=y
                CONFIG_A=y
                CONFIG_M=m
                CONFIG_IN_IF=y

                #
                # depends
                #
                CONFIG_IN_MENU=y
                # end of depends

                #
                # hidden
                #
                # CONFIG_IN_INVISIBLE_MENU is not set
                # end of hidden

                # CONFIG_PROMPT_IF is not set
                CONFIG_OWN_DEPENDS=y
                CONFIG_CAPPED=m
                CONFIG_C1=y
                # CONFIG_C2 is not set
                CONFIG_SELECTOR=y
                CONFIG_TARGET=y
                """);
    }

    @TempDir
    Path dir;

    /** The menu tree as indented lines: a symbol's name, a menu's or comment's prompt. */
    private String shape(String kconfig) throws IOException {
        return shape("6.12", kconfig);
    }

    private String shape(String version, String kconfig) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("KERNELVERSION", version), dir), quiet, quiet);
        StringBuilder sb = new StringBuilder();
        print(tree.root(), 0, sb);
        return sb.toString();
    }

    private static void print(Menu m, int depth, StringBuilder sb) {
        for (Menu c : m.children()) {
            sb.append("  ".repeat(depth)).append(c.symbol() != null && c.symbol().name() != null ? c.symbol().name()
                    : c.kind().name().toLowerCase() + " " + c.promptText()).append('\n');
            print(c, depth + 1, sb);
        }
    }

    private static final String DOC_EXAMPLE = """
            config MODULES
            	bool "Enable loadable module support"
            config MODVERSIONS
            	bool "Set version information on all module symbols"
            	depends on MODULES
            comment "module support disabled"
            	depends on !MODULES
            config OTHER
            	bool "other"
            """;

    @Test
    void from7xAnEntryMentioningThePreviousSymbolNegatedStaysBesideIt() throws IOException {
        // The example of kconfig-language.rst ("Menu structure") as its text describes it, and as
        // the kernel's conf 7.3 shows it (6.12 put the comment below MODULES).
        assertThat(shape("7.3", DOC_EXAMPLE)).isEqualTo("""
                MODULES
                  MODVERSIONS
                comment module support disabled
                OTHER
                """);
        // Repeating the symbol's own dependencies is not enough from 7.x when the symbol is negated
        // (7.3's TOMOYO_POLICY_LOADER after TOMOYO_OMIT_USERSPACE_LOADER); positively it still is.
        String repeats = """
                config T
                	bool "t"
                config O
                	bool "o"
                	depends on T
                config NEGATED
                	bool "negated"
                	depends on T && (!O || X)
                config O2
                	bool "o2"
                	depends on T
                config POSITIVE
                	bool "positive"
                	depends on T && (O2 || !X)
                config X
                	bool "x"
                """;
        assertThat(shape("7.3", repeats)).isEqualTo("T\n  O\n  NEGATED\n  O2\n    POSITIVE\nX\n");
        assertThat(shape("6.12", repeats)).isEqualTo("T\n  O\n    NEGATED\n  O2\n    POSITIVE\nX\n");
    }

    @Test
    void anEntryMentioningThePreviousSymbolBecomesItsSubmenu() throws IOException {
        // The example of kconfig-language.rst ("Menu structure"). Its text suggests the comment,
        // visible only when MODULES is n, stays beside MODULES; the kernel's conf up to 6.12 nests
        // it below MODULES all the same (it mentions MODULES and is invisible when MODULES is y).
        assertThat(shape(DOC_EXAMPLE)).isEqualTo("""
                MODULES
                  MODVERSIONS
                  comment module support disabled
                OTHER
                """);
    }

    @Test
    void submenusNestAndAMenuBlockHoldsItsEntries() throws IOException {
        assertThat(shape("""
                config A
                	bool "a"
                config B
                	bool "b"
                	depends on A
                config C
                	bool "c"
                	depends on B
                menu "block"
                config D
                	bool "d"
                endmenu
                """)).isEqualTo("""
                A
                  B
                    C
                menu block
                  D
                """);
    }
}
