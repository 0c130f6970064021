package dev.kconfig4j.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.symbol.Configuration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line-oriented dialogue. Every expected transcript (stdout, stderr) and resulting
 * configuration was produced by the kernel's own {@code conf -s --MODE Kconfig} (5.10/6.1/6.12
 * oracles) on the same tree, .config and piped standard input (stdin not a terminal, so answers
 * are echoed); stdin closed means {@code </dev/null}.
 */
class DialogueTest {
    @TempDir
    Path dir;

    record Result(String out, String err, List<String> config) {
    }

    /** Loads the tree, reads {@code init} as .config (if any), runs the dialogue on {@code input} (null: closed). */
    private Result run(String version, String kconfig, String init, Mode mode, String input) {
        try {
            Files.writeString(dir.resolve("Kconfig"), kconfig, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = Map.of("KERNELVERSION", version, "srctree", dir.toString());
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.ISO_8859_1);
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", env, dir), out, err);
        Configuration config = tree.newConfiguration();
        if (init != null) {
            ConfigReader reader = new ConfigReader(tree, config, Diagnostics.printingTo(err), "CONFIG_", false);
            reader.read(".config", init);
            reader.afterRead();
        }
        ConfRequest req = new ConfRequest(mode, null, "Kconfig", true, env, dir, out, err);
        InputStream in = input == null ? InputStream.nullInputStream()
                : new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1));
        new Dialogue(tree, config, req, in).run(mode);
        out.flush();
        err.flush();
        List<String> lines = new ArrayList<>();
        for (String l : new ConfigWriter(tree, config, "CONFIG_").dotConfig().split("\n")) {
            if (l.startsWith("CONFIG_") || l.startsWith("# CONFIG_")) {
                lines.add(l);
            }
        }
        return new Result(outBytes.toString(StandardCharsets.ISO_8859_1), errBytes.toString(StandardCharsets.ISO_8859_1),
                lines);
    }

    /** What conf writes to stderr each time standard input ends, {@code times} times. */
    private static String endsOfInput(int times) {
        return "\nError in reading or end of file.\n".repeat(times);
    }

    private static final String K1 = """
            mainmenu "Test menu"
            config MODULES
            \tbool "Modules"
            \tdefault y
            \tmodules
            config A
            \tbool "Feature A"
            \thelp
            \t  Help for A.
            config B
            \ttristate "Feature B"
            \tdefault m
            menu "Sub"
            config C
            \tint "Number C"
            \tdefault 5
            \trange 1 10
            config D
            \thex "Hex D"
            \tdefault 0x10
            config E
            \tstring "String E"
            \tdefault "hi"
            endmenu
            choice
            \tprompt "Pick one"
            \tdefault Y2
            config Y1
            \tbool "First"
            config Y2
            \tbool "Second"
            endchoice
            comment "A comment"
            """;

    /** How K2 (6.1, a tristate choice) and K3 (6.12) begin: the same entries up to TRI. */
    private static final String K2_K3_START = """
            config MODULES
            \tbool "Modules"
            \tdefault y
            \tmodules
            config SEL
            \tbool
            \tselect FORCED
            config FORCED
            \tbool "Forced one"
            config EARLY
            \tbool "Early, depends on LATE"
            \tdepends on LATE
            menu "Outer"
            config MC
            \tbool "Menuconfig sym"
            \tdefault y
            if MC
            config MC_A
            \ttristate "Child A"
            comment "Inner comment"
            config MC_B
            \tbool "Child B"
            endif
            menu "Inner"
            \tdepends on MC
            config INN
            \tstring "Inner string"
            endmenu
            endmenu
            config LATE
            \tbool "Late"
            config LATE2
            \tbool "Depends on late"
            \tdepends on LATE
            config TRI
            \ttristate "tri sym"
            \tselect SEL
            choice
            """;

    private static final String K2 = K2_K3_START + """
            \ttristate "Tri choice"
            config TC1
            \ttristate "TC one"
            config TC2
            \ttristate "TC two"
            config TC2_SUB
            \tbool "TC2 sub"
            \tdepends on TC2
            endchoice
            choice
            \tbool "Optional choice"
            \toptional
            config OC1
            \tbool "OC one"
            config OC2
            \tbool "OC two"
            endchoice
            config NUM
            \tint "Number"
            \trange 10 20
            config HX
            \thex "Hexa"
            \tdefault 0x5
            """;

    private static final String K3 = K2_K3_START + """
            \tprompt "Tri choice"
            config TC1
            \tbool "TC one"
            config TC2
            \tbool "TC two"
            endchoice
            choice
            \tbool "Optional choice"
            config OC1
            \tbool "OC one"
            config OC2
            \tbool "OC two"
            endchoice
            config NUM
            \tint "Number"
            \trange 10 20
            config HX
            \thex "Hexa"
            \tdefault 0x5
            """;

    /**
     * Without .config every entry is new; an answer the symbol cannot take asks the same question
     * again (m on a tristate once MODULES is n prints the help first), until the input ends and the
     * remaining questions take their defaults (the same transcript from conf 6.1 and 6.12).
     */
    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void withoutAConfigEveryEntryIsNewAndInvalidAnswersAreAskedAgain(String dialect) {
        Result r = run(dialect, K1, null,
                Mode.OLDCONFIG, """
                        n
                        yes
                        maybe
                        m
                        0
                        11
                        7
                        zz
                        0x
                        1f
                        abc
                        2
                        """);
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] (NEW) n
                Feature A (A) [N/y/?] (NEW) yes
                Feature B (B) [Y/n/?] (NEW) maybe
                Feature B (B) [Y/n/?] (NEW) m

                There is no help available for this option.
                Symbol: B [=y]
                Type  : tristate
                Defined at Kconfig:10
                  Prompt: Feature B
                  Location:
                    -> Feature B (B [=y])



                Feature B (B) [Y/n/?] (NEW) 0
                Feature B (B) [Y/n/?] (NEW) 11
                Feature B (B) [Y/n/?] (NEW) 7
                Feature B (B) [Y/n/?] (NEW) zz
                Feature B (B) [Y/n/?] (NEW) 0x
                Feature B (B) [Y/n/?] (NEW) 1f
                Feature B (B) [Y/n/?] (NEW) abc
                Feature B (B) [Y/n/?] (NEW) 2
                Feature B (B) [Y/n/?] (NEW)\s
                *
                * Sub
                *
                Number C (C) [5] (NEW)\s
                Hex D (D) [0x10] (NEW)\s
                String E (E) [hi] (NEW)\s
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2) (NEW)
                choice[1-2?]: *
                * A comment
                *
                """, r.out());
        assertEquals(endsOfInput(5), r.err());
        assertEquals(List.of("# CONFIG_MODULES is not set", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x10", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** stdin closed: each question reports the end of input on stderr and takes the default. */
    @Test
    void anAnswerEndsAtANulAsACStringDoes() {
        // "y\0n\n" answers y and echoes "y" without its newline; "\0\n" is an empty answer: the
        // default for a bool, no value for an int (asked again). (conf-7.3, same input.)
        Result r = run("7.3", "config A\n\tbool \"a\"\nconfig N\n\tint \"n\"\n\tdefault 3\nconfig B\n\tbool \"b\"\n",
                null, Mode.OLDCONFIG, "y\0n\n\0\nm\n\n\0\n");
        assertEquals("*\n* Restart config...\n*\n*\n* Main menu\n*\n"
                + "a (A) [N/y/?] (NEW) yn (N) [3] (NEW) n (N) [3] (NEW) m\nn (N) [3] (NEW) \nb (B) [N/y/?] (NEW) ", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_A=y", "CONFIG_N=3", "# CONFIG_B is not set"), r.config());
    }

    @Test
    void from611AChoiceKeepsListingANewMemberAnAnswerHid() {
        // GOV_DUMP answered n hides DEF_DUMP; conf-6.12 and conf-7.3 still list it, numbered, until
        // the choice is answered (picking it changes nothing). conf-6.1 does not list it.
        String kconfig = """
                config MODULES
                \tbool "modules"
                \tdefault y
                \tmodules
                config GOV_DUMP
                \ttristate "dump governor"
                \tdefault m
                config GOV_NOOP
                \ttristate "noop governor"
                \tdefault m
                choice
                \tprompt "Default governor"
                \tdefault DEF_NOOP
                config DEF_DUMP
                \tbool "dump"
                \tdepends on GOV_DUMP
                config DEF_NOOP
                \tbool "noop"
                \tdepends on GOV_NOOP
                endchoice
                config AFTER
                \tbool "after"
                """;
        String config = "CONFIG_MODULES=y\nCONFIG_GOV_NOOP=m\nCONFIG_DEF_NOOP=y\n";
        String head = "*\n* Restart config...\n*\n*\n* Main menu\n*\nmodules (MODULES) [Y/n/?] y\n"
                + "dump governor (GOV_DUMP) [M/n/y/?] (NEW) n\nnoop governor (GOV_NOOP) [M/n/y/?] m\nDefault governor\n";
        for (String version : List.of("6.12", "7.3")) {
            Result r = run(version, kconfig, config, Mode.OLDCONFIG, "n\n1\ny\n");
            assertEquals(head + "  1. dump (DEF_DUMP) (NEW)\n> 2. noop (DEF_NOOP)\nchoice[1-2?]: 1\n"
                    + "after (AFTER) [N/y/?] (NEW) y\n", r.out(), version);
            assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_GOV_DUMP is not set", "CONFIG_GOV_NOOP=m",
                    "CONFIG_DEF_NOOP=y", "CONFIG_AFTER=y"), r.config(), version);
        }
        Result old = run("6.1", kconfig, config, Mode.OLDCONFIG, "n\n1\ny\n");
        assertEquals(head + "> 1. noop (DEF_NOOP)\nchoice[1]: 1\nafter (AFTER) [N/y/?] (NEW) 1\n"
                + "after (AFTER) [N/y/?] (NEW) y\n", old.out());
    }

    @Test
    void closedInputTakesEveryDefaultAndReportsEachEndOfInput() {
        Result r = run("6.12", K1, null,
                Mode.OLDCONFIG, null);
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] (NEW)\s
                Feature A (A) [N/y/?] (NEW)\s
                Feature B (B) [M/n/y/?] (NEW)\s
                *
                * Sub
                *
                Number C (C) [5] (NEW)\s
                Hex D (D) [0x10] (NEW)\s
                String E (E) [hi] (NEW)\s
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2) (NEW)
                choice[1-2?]: *
                * A comment
                *
                """, r.out());
        assertEquals(endsOfInput(7), r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=m", "CONFIG_C=5", "CONFIG_D=0x10", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** syncconfig with stdin closed asks the new symbols like oldconfig and keeps the values from .config. */
    @Test
    void syncconfigWithClosedInputAsksOnlyNewSymbolsAndKeepsTheConfigsValues() {
        Result r = run("6.12", K1, """
                CONFIG_MODULES=y
                CONFIG_B=y
                CONFIG_D=0x20
                """,
                Mode.SYNCCONFIG, null);
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [N/y/?] (NEW)\s
                Feature B (B) [Y/n/m/?] y
                *
                * Sub
                *
                Number C (C) [5] (NEW)\s
                Hex D (D) [0x20] 0x20
                String E (E) [hi] (NEW)\s
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2) (NEW)
                choice[1-2?]: *
                * A comment
                *
                """, r.out());
        assertEquals(endsOfInput(4), r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x20", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** oldconfig asks only symbols without a value; the others print their value. */
    @Test
    void oldconfigAsksOnlySymbolsWithoutAValue() {
        Result r = run("6.12", K1, """
                CONFIG_MODULES=y
                CONFIG_B=y
                CONFIG_D=0x20
                """,
                Mode.OLDCONFIG, """
                        y

                        5



                        """);
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [N/y/?] (NEW) y
                Feature B (B) [Y/n/m/?] y
                *
                * Sub
                *
                Number C (C) [5] (NEW)\s
                Hex D (D) [0x20] 0x20
                String E (E) [hi] (NEW) 5
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2) (NEW)
                choice[1-2?]:\s
                *
                * A comment
                *
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x20", "CONFIG_E=\"5\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** oldaskconfig asks every symbol, including those set in .config, and marks only the new ones (NEW). */
    @Test
    void oldaskconfigAsksEverySymbolAndMarksOnlyTheNewOnes() {
        Result r = run("6.1", K1, """
                CONFIG_MODULES=y
                CONFIG_B=y
                CONFIG_D=0x20
                """,
                Mode.OLDASKCONFIG, """
                        y
                        n

                        4

                        bye
                        1
                        """);
        assertEquals("""
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [N/y/?] (NEW) n
                Feature B (B) [Y/n/m/?]\s
                *
                * Sub
                *
                Number C (C) [5] (NEW) 4
                Hex D (D) [0x20]\s
                String E (E) [hi] (NEW) bye
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2) (NEW)
                choice[1-2?]: 1
                *
                * A comment
                *
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=4", "CONFIG_D=0x20", "CONFIG_E=\"bye\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }

    /** A choice is asked again when one of its visible members is missing from .config (6.12). */
    @Test
    void aChoiceIsAskedAgainWhenAVisibleMemberIsMissingFromTheConfigIn612() {
        Result r = run("6.12", K1, """
                CONFIG_MODULES=y
                CONFIG_A=y
                CONFIG_B=y
                CONFIG_C=3
                CONFIG_D=0x20
                CONFIG_E="x"
                # CONFIG_Y2 is not set
                """,
                Mode.OLDCONFIG, "\n");
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [Y/n/?] y
                Feature B (B) [Y/n/m/?] y
                Pick one
                > 1. First (Y1) (NEW)
                  2. Second (Y2)
                choice[1-2?]:\s
                *
                * A comment
                *
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }

    /** A choice is asked again when one of its visible members is missing from .config (6.1). */
    @Test
    void aChoiceIsAskedAgainWhenAVisibleMemberIsMissingFromTheConfigIn61() {
        Result r = run("6.1", K1, """
                CONFIG_MODULES=y
                CONFIG_A=y
                CONFIG_B=y
                CONFIG_C=3
                CONFIG_D=0x20
                CONFIG_E="x"
                # CONFIG_Y2 is not set
                """,
                Mode.OLDCONFIG, "\n");
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [Y/n/?] y
                Feature B (B) [Y/n/m/?] y
                Pick one
                  1. First (Y1) (NEW)
                > 2. Second (Y2)
                choice[1-2?]:\s
                *
                * A comment
                *
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /**
     * Up to 6.1 a tristate choice read as y with a member missing counts as new, yet keeps the y
     * it was computed with while no answer changes a value: the kernel computes again only after
     * a bool/tristate answer that changes its symbol, or after any int/hex/string answer. Then
     * the choice, without a user value, is m. (52 cases of the nightly fuzz run, e.g. 567.)
     */
    @ParameterizedTest(name = "{0} {1}, answers {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            5.10 | --syncconfig | bool "b"\\n\\tdefault y   |      | CONFIG_C1=y
            6.1  | --syncconfig | bool "b"\\n\\tdefault y   |      | CONFIG_C1=y
            6.1  | --oldconfig  | bool "b"\\n\\tdefault y   | y    | CONFIG_C1=y
            6.1  | --oldconfig  | bool "b"\\n\\tdefault y   | n    | CONFIG_C1=m
            5.10 | --syncconfig | int "b"\\n\\tdefault 3    |      | CONFIG_C1=m
            6.1  | --syncconfig | string "b"\\n\\tdefault "x" |    | CONFIG_C1=m
            """)
    void aNewTristateChoiceReadAsYStaysYUntilAnAnswerComputesValuesAgain(String version, String mode, String b,
            String answer, String member) {
        String modules = version.equals("5.10") ? "option modules" : "modules";
        String tree = ("config MODULES\n\tbool \"modules\"\n\tdefault y\n\t" + modules + "\nconfig B\n\t" + b
                + "\nchoice\n\tprompt \"c\"\n\ttristate\nconfig C1\n\ttristate \"c1\"\nconfig C2\n\ttristate \"c2\"\n"
                + "endchoice\n").replace("\\n", "\n").replace("\\t", "\t");
        String config = "CONFIG_MODULES=y\nCONFIG_C1=y\n";
        String stdin = answer == null ? "" : answer + "\n";
        dev.kconfig4j.support.ConfRun.Result ours = dev.kconfig4j.support.ConfRun.tree(version, tree).config(config)
                .stdin(stdin).run(mode);
        assertEquals(0, ours.exit());
        org.assertj.core.api.Assertions.assertThat(ours.body()).contains(member + "\n");
        if (dev.kconfig4j.support.OracleRun.available(version)) {
            dev.kconfig4j.support.ConfRun.Result kernel = dev.kconfig4j.support.OracleRun.run(version, tree, config,
                    stdin, Map.of(), mode);
            assertEquals(kernel.stdout(), ours.stdout());
            assertEquals(kernel.body(), ours.body());
        }
    }

    /** K2 and K3 begin alike: the answers of a first pass up to TRI... */
    private static final String ANSWERS_UP_TO_TRI = """
            y
            y
            y


            hello
            y
            y
            y
            """;

    /** ...and what conf prints for them. */
    private static final String FIRST_PASS_UP_TO_TRI = """
            *
            * Restart config...
            *
            *
            * Main menu
            *
            Modules (MODULES) [Y/n/?] (NEW) y
            Forced one (FORCED) [N/y/?] (NEW) y
            *
            * Outer
            *
            Menuconfig sym (MC) [Y/n/?] (NEW) y
              Child A (MC_A) [N/m/y/?] (NEW)\s
              *
              * Inner comment
              *
              Child B (MC_B) [N/y/?] (NEW)\s
              *
              * Inner
              *
              Inner string (INN) [] (NEW) hello
            Late (LATE) [N/y/?] (NEW) y
              Depends on late (LATE2) [N/y/?] (NEW) y
            tri sym (TRI) [N/m/y/?] (NEW) y
            """;

    /** Menus, comments and dependent symbols: headings and indentation; a 6.1 tristate choice in m mode asks its members as tristates; restart when answers reveal new symbols. */
    @Test
    void menusAndDependentSymbolsAreIndentedAndA61TristateChoiceAsksItsMembers() {
        Result r = run("6.1", K2, null,
                Mode.OLDCONFIG, ANSWERS_UP_TO_TRI + """
                        m



                        1
                        5
                        15

                        """);
        assertEquals(FIRST_PASS_UP_TO_TRI + """
                Tri choice [M/y/?] (NEW) m
                  TC one (TC1) [N/m/?] (NEW)\s
                  TC two (TC2) [N/m/?] (NEW)\s
                Optional choice [N/y/?] (NEW)\s
                Number (NUM) [10] (NEW) 1
                Number (NUM) [10] (NEW) 5
                Number (NUM) [10] (NEW) 15
                Hexa (HX) [0x5] (NEW)\s
                *
                * Main menu
                *
                Modules (MODULES) [Y/n/?] y
                Forced one (FORCED) [Y/?] y
                Early, depends on LATE (EARLY) [N/y/?] (NEW)\s
                Late (LATE) [Y/n/?] y
                  Depends on late (LATE2) [Y/n/?] y
                tri sym (TRI) [Y/n/m/?] y
                Tri choice [M/y/?] m
                  TC one (TC1) [N/m/?] n
                  TC two (TC2) [N/m/?] n
                Optional choice [N/y/?] n
                Number (NUM) [15] 15
                Hexa (HX) [0x5] 0x5
                """, r.out());
        assertEquals(endsOfInput(1), r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_SEL=y", "CONFIG_FORCED=y", "# CONFIG_EARLY is not set", "CONFIG_MC=y", "# CONFIG_MC_A is not set", "# CONFIG_MC_B is not set", "CONFIG_INN=\"hello\"", "CONFIG_LATE=y", "CONFIG_LATE2=y", "CONFIG_TRI=y", "# CONFIG_TC1 is not set", "# CONFIG_TC2 is not set", "CONFIG_NUM=15", "CONFIG_HX=0x5"), r.config());
    }

    /** Answering y to LATE makes EARLY (earlier in the tree) new: a second pass restarts. */
    @Test
    void anAnswerThatMakesAnEarlierSymbolNewRestartsTheDialogue() {
        Result r = run("6.12", K3, null,
                Mode.OLDCONFIG, ANSWERS_UP_TO_TRI + """
                        2
                        y


                        1
                        5
                        15

                        """);
        assertEquals(FIRST_PASS_UP_TO_TRI + """
                Tri choice
                > 1. TC one (TC1) (NEW)
                  2. TC two (TC2) (NEW)
                choice[1-2?]: 2
                Optional choice
                > 1. OC one (OC1) (NEW)
                  2. OC two (OC2) (NEW)
                choice[1-2?]: y
                Optional choice
                > 1. OC one (OC1) (NEW)
                  2. OC two (OC2) (NEW)
                choice[1-2?]:\s
                Number (NUM) [10] (NEW)\s
                Hexa (HX) [0x5] (NEW) 1
                *
                * Main menu
                *
                Modules (MODULES) [Y/n/?] y
                Forced one (FORCED) [Y/?] y
                Early, depends on LATE (EARLY) [N/y/?] (NEW) 5
                Early, depends on LATE (EARLY) [N/y/?] (NEW) 15
                Early, depends on LATE (EARLY) [N/y/?] (NEW)\s
                Late (LATE) [Y/n/?] y
                  Depends on late (LATE2) [Y/n/?] y
                tri sym (TRI) [Y/n/m/?] y
                Tri choice
                  1. TC one (TC1)
                > 2. TC two (TC2)
                choice[1-2?]: 2
                Optional choice
                > 1. OC one (OC1)
                  2. OC two (OC2)
                choice[1-2?]: 1
                Number (NUM) [10] 10
                Hexa (HX) [0x1] 0x1
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_SEL=y", "CONFIG_FORCED=y", "# CONFIG_EARLY is not set", "CONFIG_MC=y", "# CONFIG_MC_A is not set", "# CONFIG_MC_B is not set", "CONFIG_INN=\"hello\"", "CONFIG_LATE=y", "CONFIG_LATE2=y", "CONFIG_TRI=y", "# CONFIG_TC1 is not set", "CONFIG_TC2=y", "CONFIG_OC1=y", "# CONFIG_OC2 is not set", "CONFIG_NUM=10", "CONFIG_HX=0x1"), r.config());
    }

    /** ? prints the help (MenuInfo.help); m on a bool is out of range and prints the help too. */
    @Test
    void questionMarkAndAnOutOfRangeAnswerPrintTheHelp() {
        Result r = run("6.12", K1, """
                CONFIG_MODULES=y
                CONFIG_B=y
                CONFIG_C=3
                CONFIG_D=0x20
                CONFIG_E="x"
                CONFIG_Y1=y
                # CONFIG_Y2 is not set
                """,
                Mode.OLDCONFIG, """
                        ?
                        m

                        """);
        assertEquals("""
                *
                * Restart config...
                *
                *
                * Test menu
                *
                Modules (MODULES) [Y/n/?] y
                Feature A (A) [N/y/?] (NEW) ?

                CONFIG_A:

                Help for A.
                Symbol: A [=n]
                Type  : bool
                Defined at Kconfig:6
                  Prompt: Feature A
                  Location:
                    -> Feature A (A [=n])



                Feature A (A) [N/y/?] (NEW) m

                CONFIG_A:

                Help for A.
                Symbol: A [=n]
                Type  : bool
                Defined at Kconfig:6
                  Prompt: Feature A
                  Location:
                    -> Feature A (A [=n])



                Feature A (A) [N/y/?] (NEW)\s
                Feature B (B) [Y/n/m/?] y
                Pick one
                > 1. First (Y1)
                  2. Second (Y2)
                choice[1-2?]: 1
                *
                * A comment
                *
                """, r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }
    /**
     * A symbol shown only because its children are (its prompt hidden, a select making it y):
     * up to 6.1 showing it marks it set, so no {@code (NEW)}; from 6.12 it stays new (7.3's GENERIC_PT).
     */
    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "7.3"})
    void aSymbolShownThroughItsChildrenIsMarkedNewFrom612(String dialect) {
        String kconfig = """
                config AMD
                \tbool "amd"
                \tselect GP
                menuconfig GP
                \tbool "gp" if CT
                if GP
                config D
                \tbool "d"
                endif
                config CT
                \tbool "ct"
                """;
        Result r = run(dialect, kconfig, "CONFIG_AMD=y\n", Mode.OLDCONFIG, "n\ny\n");
        String gp = dialect.equals("6.1") ? "gp (GP) [Y/?] y\n" : "gp (GP) [Y/?] (NEW) y\n";
        assertEquals("*\n* Restart config...\n*\n*\n* gp\n*\n" + gp
                + "  d (D) [N/y/?] (NEW) n\n*\n* Main menu\n*\namd (AMD) [Y/n/?] y\nct (CT) [N/y/?] (NEW) y\n", r.out());
        assertEquals(List.of("CONFIG_AMD=y", "CONFIG_GP=y", "# CONFIG_D is not set", "CONFIG_CT=y"), r.config());
    }
}
