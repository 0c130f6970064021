package dev.kconfig4j.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            ConfigReader reader = new ConfigReader(tree, config, err, "CONFIG_", false);
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

    private static final String K1 = "mainmenu \"Test menu\"\n" +
            "config MODULES\n" +
            "\tbool \"Modules\"\n" +
            "\tdefault y\n" +
            "\tmodules\n" +
            "config A\n" +
            "\tbool \"Feature A\"\n" +
            "\thelp\n" +
            "\t  Help for A.\n" +
            "config B\n" +
            "\ttristate \"Feature B\"\n" +
            "\tdefault m\n" +
            "menu \"Sub\"\n" +
            "config C\n" +
            "\tint \"Number C\"\n" +
            "\tdefault 5\n" +
            "\trange 1 10\n" +
            "config D\n" +
            "\thex \"Hex D\"\n" +
            "\tdefault 0x10\n" +
            "config E\n" +
            "\tstring \"String E\"\n" +
            "\tdefault \"hi\"\n" +
            "endmenu\n" +
            "choice\n" +
            "\tprompt \"Pick one\"\n" +
            "\tdefault Y2\n" +
            "config Y1\n" +
            "\tbool \"First\"\n" +
            "config Y2\n" +
            "\tbool \"Second\"\n" +
            "endchoice\n" +
            "comment \"A comment\"\n";

    private static final String K2 = "config MODULES\n" +
            "\tbool \"Modules\"\n" +
            "\tdefault y\n" +
            "\tmodules\n" +
            "config SEL\n" +
            "\tbool\n" +
            "\tselect FORCED\n" +
            "config FORCED\n" +
            "\tbool \"Forced one\"\n" +
            "config EARLY\n" +
            "\tbool \"Early, depends on LATE\"\n" +
            "\tdepends on LATE\n" +
            "menu \"Outer\"\n" +
            "config MC\n" +
            "\tbool \"Menuconfig sym\"\n" +
            "\tdefault y\n" +
            "if MC\n" +
            "config MC_A\n" +
            "\ttristate \"Child A\"\n" +
            "comment \"Inner comment\"\n" +
            "config MC_B\n" +
            "\tbool \"Child B\"\n" +
            "endif\n" +
            "menu \"Inner\"\n" +
            "\tdepends on MC\n" +
            "config INN\n" +
            "\tstring \"Inner string\"\n" +
            "endmenu\n" +
            "endmenu\n" +
            "config LATE\n" +
            "\tbool \"Late\"\n" +
            "config LATE2\n" +
            "\tbool \"Depends on late\"\n" +
            "\tdepends on LATE\n" +
            "config TRI\n" +
            "\ttristate \"tri sym\"\n" +
            "\tselect SEL\n" +
            "choice\n" +
            "\ttristate \"Tri choice\"\n" +
            "config TC1\n" +
            "\ttristate \"TC one\"\n" +
            "config TC2\n" +
            "\ttristate \"TC two\"\n" +
            "config TC2_SUB\n" +
            "\tbool \"TC2 sub\"\n" +
            "\tdepends on TC2\n" +
            "endchoice\n" +
            "choice\n" +
            "\tbool \"Optional choice\"\n" +
            "\toptional\n" +
            "config OC1\n" +
            "\tbool \"OC one\"\n" +
            "config OC2\n" +
            "\tbool \"OC two\"\n" +
            "endchoice\n" +
            "config NUM\n" +
            "\tint \"Number\"\n" +
            "\trange 10 20\n" +
            "config HX\n" +
            "\thex \"Hexa\"\n" +
            "\tdefault 0x5\n";

    private static final String K3 = "config MODULES\n" +
            "\tbool \"Modules\"\n" +
            "\tdefault y\n" +
            "\tmodules\n" +
            "config SEL\n" +
            "\tbool\n" +
            "\tselect FORCED\n" +
            "config FORCED\n" +
            "\tbool \"Forced one\"\n" +
            "config EARLY\n" +
            "\tbool \"Early, depends on LATE\"\n" +
            "\tdepends on LATE\n" +
            "menu \"Outer\"\n" +
            "config MC\n" +
            "\tbool \"Menuconfig sym\"\n" +
            "\tdefault y\n" +
            "if MC\n" +
            "config MC_A\n" +
            "\ttristate \"Child A\"\n" +
            "comment \"Inner comment\"\n" +
            "config MC_B\n" +
            "\tbool \"Child B\"\n" +
            "endif\n" +
            "menu \"Inner\"\n" +
            "\tdepends on MC\n" +
            "config INN\n" +
            "\tstring \"Inner string\"\n" +
            "endmenu\n" +
            "endmenu\n" +
            "config LATE\n" +
            "\tbool \"Late\"\n" +
            "config LATE2\n" +
            "\tbool \"Depends on late\"\n" +
            "\tdepends on LATE\n" +
            "config TRI\n" +
            "\ttristate \"tri sym\"\n" +
            "\tselect SEL\n" +
            "choice\n" +
            "\tprompt \"Tri choice\"\n" +
            "config TC1\n" +
            "\tbool \"TC one\"\n" +
            "config TC2\n" +
            "\tbool \"TC two\"\n" +
            "endchoice\n" +
            "choice\n" +
            "\tbool \"Optional choice\"\n" +
            "config OC1\n" +
            "\tbool \"OC one\"\n" +
            "config OC2\n" +
            "\tbool \"OC two\"\n" +
            "endchoice\n" +
            "config NUM\n" +
            "\tint \"Number\"\n" +
            "\trange 10 20\n" +
            "config HX\n" +
            "\thex \"Hexa\"\n" +
            "\tdefault 0x5\n";

    /**
     * Without .config every entry is new: invalid answers re-ask, out-of-range numbers re-ask, hex
     * gains 0x, a choice takes a number (the same transcript from conf 6.1 and 6.12).
     */
    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void freshOldconfig(String dialect) {
        Result r = run(dialect, K1, null,
                Mode.OLDCONFIG, "n\n" +
                "yes\n" +
                "maybe\n" +
                "m\n" +
                "0\n" +
                "11\n" +
                "7\n" +
                "zz\n" +
                "0x\n" +
                "1f\n" +
                "abc\n" +
                "2\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] (NEW) n\n" +
            "Feature A (A) [N/y/?] (NEW) yes\n" +
            "Feature B (B) [Y/n/?] (NEW) maybe\n" +
            "Feature B (B) [Y/n/?] (NEW) m\n" +
            "\n" +
            "There is no help available for this option.\n" +
            "Symbol: B [=y]\n" +
            "Type  : tristate\n" +
            "Defined at Kconfig:10\n" +
            "  Prompt: Feature B\n" +
            "  Location:\n" +
            "    -> Feature B (B [=y])\n" +
            "\n" +
            "\n" +
            "\n" +
            "Feature B (B) [Y/n/?] (NEW) 0\n" +
            "Feature B (B) [Y/n/?] (NEW) 11\n" +
            "Feature B (B) [Y/n/?] (NEW) 7\n" +
            "Feature B (B) [Y/n/?] (NEW) zz\n" +
            "Feature B (B) [Y/n/?] (NEW) 0x\n" +
            "Feature B (B) [Y/n/?] (NEW) 1f\n" +
            "Feature B (B) [Y/n/?] (NEW) abc\n" +
            "Feature B (B) [Y/n/?] (NEW) 2\n" +
            "Feature B (B) [Y/n/?] (NEW) \n" +
            "*\n" +
            "* Sub\n" +
            "*\n" +
            "Number C (C) [5] (NEW) \n" +
            "Hex D (D) [0x10] (NEW) \n" +
            "String E (E) [hi] (NEW) \n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2) (NEW)\n" +
            "choice[1-2?]: *\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n", r.err());
        assertEquals(List.of("# CONFIG_MODULES is not set", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x10", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** stdin closed: each question reports the end of input on stderr and takes the default. */
    @Test
    void endOfInput612() {
        Result r = run("6.12", K1, null,
                Mode.OLDCONFIG, null);
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] (NEW) \n" +
            "Feature A (A) [N/y/?] (NEW) \n" +
            "Feature B (B) [M/n/y/?] (NEW) \n" +
            "*\n" +
            "* Sub\n" +
            "*\n" +
            "Number C (C) [5] (NEW) \n" +
            "Hex D (D) [0x10] (NEW) \n" +
            "String E (E) [hi] (NEW) \n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2) (NEW)\n" +
            "choice[1-2?]: *\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=m", "CONFIG_C=5", "CONFIG_D=0x10", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** syncconfig with stdin closed asks the new symbols like oldconfig and keeps the values from .config. */
    @Test
    void syncconfigStdinClosed() {
        Result r = run("6.12", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_D=0x20\n",
                Mode.SYNCCONFIG, null);
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [N/y/?] (NEW) \n" +
            "Feature B (B) [Y/n/m/?] y\n" +
            "*\n" +
            "* Sub\n" +
            "*\n" +
            "Number C (C) [5] (NEW) \n" +
            "Hex D (D) [0x20] 0x20\n" +
            "String E (E) [hi] (NEW) \n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2) (NEW)\n" +
            "choice[1-2?]: *\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n" +
            "\n" +
            "Error in reading or end of file.\n", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x20", "CONFIG_E=\"hi\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** oldconfig asks only symbols without a value; the others print their value. */
    @Test
    void oldconfigAsksOnlyNew() {
        Result r = run("6.12", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_D=0x20\n",
                Mode.OLDCONFIG, "y\n" +
                "\n" +
                "5\n" +
                "\n" +
                "\n" +
                "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [N/y/?] (NEW) y\n" +
            "Feature B (B) [Y/n/m/?] y\n" +
            "*\n" +
            "* Sub\n" +
            "*\n" +
            "Number C (C) [5] (NEW) \n" +
            "Hex D (D) [0x20] 0x20\n" +
            "String E (E) [hi] (NEW) 5\n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2) (NEW)\n" +
            "choice[1-2?]: \n" +
            "*\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=5", "CONFIG_D=0x20", "CONFIG_E=\"5\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** oldaskconfig asks every symbol, including those set in .config, and marks only the new ones (NEW). */
    @Test
    void oldaskconfigAsksAll() {
        Result r = run("6.1", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_D=0x20\n",
                Mode.OLDASKCONFIG, "y\n" +
                "n\n" +
                "\n" +
                "4\n" +
                "\n" +
                "bye\n" +
                "1\n");
        assertEquals("*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [N/y/?] (NEW) n\n" +
            "Feature B (B) [Y/n/m/?] \n" +
            "*\n" +
            "* Sub\n" +
            "*\n" +
            "Number C (C) [5] (NEW) 4\n" +
            "Hex D (D) [0x20] \n" +
            "String E (E) [hi] (NEW) bye\n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2) (NEW)\n" +
            "choice[1-2?]: 1\n" +
            "*\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=4", "CONFIG_D=0x20", "CONFIG_E=\"bye\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }

    /** A choice is asked again when one of its visible members is missing from .config (6.12). */
    @Test
    void choiceMemberMissing612() {
        Result r = run("6.12", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_A=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_C=3\n" +
                "CONFIG_D=0x20\n" +
                "CONFIG_E=\"x\"\n" +
                "# CONFIG_Y2 is not set\n",
                Mode.OLDCONFIG, "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [Y/n/?] y\n" +
            "Feature B (B) [Y/n/m/?] y\n" +
            "Pick one\n" +
            "> 1. First (Y1) (NEW)\n" +
            "  2. Second (Y2)\n" +
            "choice[1-2?]: \n" +
            "*\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }

    /** A choice is asked again when one of its visible members is missing from .config (6.1). */
    @Test
    void choiceMemberMissing61() {
        Result r = run("6.1", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_A=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_C=3\n" +
                "CONFIG_D=0x20\n" +
                "CONFIG_E=\"x\"\n" +
                "# CONFIG_Y2 is not set\n",
                Mode.OLDCONFIG, "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [Y/n/?] y\n" +
            "Feature B (B) [Y/n/m/?] y\n" +
            "Pick one\n" +
            "  1. First (Y1) (NEW)\n" +
            "> 2. Second (Y2)\n" +
            "choice[1-2?]: \n" +
            "*\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "# CONFIG_Y1 is not set", "CONFIG_Y2=y"), r.config());
    }

    /** Menus, comments and dependent symbols: headings and indentation; a 6.1 tristate choice in m mode asks its members as tristates; restart when answers reveal new symbols. */
    @Test
    void nestedAndTristateChoice61() {
        Result r = run("6.1", K2, null,
                Mode.OLDCONFIG, "y\n" +
                "y\n" +
                "y\n" +
                "\n" +
                "\n" +
                "hello\n" +
                "y\n" +
                "y\n" +
                "y\n" +
                "m\n" +
                "\n" +
                "\n" +
                "\n" +
                "1\n" +
                "5\n" +
                "15\n" +
                "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Main menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] (NEW) y\n" +
            "Forced one (FORCED) [N/y/?] (NEW) y\n" +
            "*\n" +
            "* Outer\n" +
            "*\n" +
            "Menuconfig sym (MC) [Y/n/?] (NEW) y\n" +
            "  Child A (MC_A) [N/m/y/?] (NEW) \n" +
            "  *\n" +
            "  * Inner comment\n" +
            "  *\n" +
            "  Child B (MC_B) [N/y/?] (NEW) \n" +
            "  *\n" +
            "  * Inner\n" +
            "  *\n" +
            "  Inner string (INN) [] (NEW) hello\n" +
            "Late (LATE) [N/y/?] (NEW) y\n" +
            "  Depends on late (LATE2) [N/y/?] (NEW) y\n" +
            "tri sym (TRI) [N/m/y/?] (NEW) y\n" +
            "Tri choice [M/y/?] (NEW) m\n" +
            "  TC one (TC1) [N/m/?] (NEW) \n" +
            "  TC two (TC2) [N/m/?] (NEW) \n" +
            "Optional choice [N/y/?] (NEW) \n" +
            "Number (NUM) [10] (NEW) 1\n" +
            "Number (NUM) [10] (NEW) 5\n" +
            "Number (NUM) [10] (NEW) 15\n" +
            "Hexa (HX) [0x5] (NEW) \n" +
            "*\n" +
            "* Main menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Forced one (FORCED) [Y/?] y\n" +
            "Early, depends on LATE (EARLY) [N/y/?] (NEW) \n" +
            "Late (LATE) [Y/n/?] y\n" +
            "  Depends on late (LATE2) [Y/n/?] y\n" +
            "tri sym (TRI) [Y/n/m/?] y\n" +
            "Tri choice [M/y/?] m\n" +
            "  TC one (TC1) [N/m/?] n\n" +
            "  TC two (TC2) [N/m/?] n\n" +
            "Optional choice [N/y/?] n\n" +
            "Number (NUM) [15] 15\n" +
            "Hexa (HX) [0x5] 0x5\n", r.out());
        assertEquals("\n" +
            "Error in reading or end of file.\n", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_SEL=y", "CONFIG_FORCED=y", "# CONFIG_EARLY is not set", "CONFIG_MC=y", "# CONFIG_MC_A is not set", "# CONFIG_MC_B is not set", "CONFIG_INN=\"hello\"", "CONFIG_LATE=y", "CONFIG_LATE2=y", "CONFIG_TRI=y", "# CONFIG_TC1 is not set", "# CONFIG_TC2 is not set", "CONFIG_NUM=15", "CONFIG_HX=0x5"), r.config());
    }

    /** Answering y to LATE makes EARLY (earlier in the tree) new: a second pass restarts. */
    @Test
    void restartAfterAnswer612() {
        Result r = run("6.12", K3, null,
                Mode.OLDCONFIG, "y\n" +
                "y\n" +
                "y\n" +
                "\n" +
                "\n" +
                "hello\n" +
                "y\n" +
                "y\n" +
                "y\n" +
                "2\n" +
                "y\n" +
                "\n" +
                "\n" +
                "1\n" +
                "5\n" +
                "15\n" +
                "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Main menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] (NEW) y\n" +
            "Forced one (FORCED) [N/y/?] (NEW) y\n" +
            "*\n" +
            "* Outer\n" +
            "*\n" +
            "Menuconfig sym (MC) [Y/n/?] (NEW) y\n" +
            "  Child A (MC_A) [N/m/y/?] (NEW) \n" +
            "  *\n" +
            "  * Inner comment\n" +
            "  *\n" +
            "  Child B (MC_B) [N/y/?] (NEW) \n" +
            "  *\n" +
            "  * Inner\n" +
            "  *\n" +
            "  Inner string (INN) [] (NEW) hello\n" +
            "Late (LATE) [N/y/?] (NEW) y\n" +
            "  Depends on late (LATE2) [N/y/?] (NEW) y\n" +
            "tri sym (TRI) [N/m/y/?] (NEW) y\n" +
            "Tri choice\n" +
            "> 1. TC one (TC1) (NEW)\n" +
            "  2. TC two (TC2) (NEW)\n" +
            "choice[1-2?]: 2\n" +
            "Optional choice\n" +
            "> 1. OC one (OC1) (NEW)\n" +
            "  2. OC two (OC2) (NEW)\n" +
            "choice[1-2?]: y\n" +
            "Optional choice\n" +
            "> 1. OC one (OC1) (NEW)\n" +
            "  2. OC two (OC2) (NEW)\n" +
            "choice[1-2?]: \n" +
            "Number (NUM) [10] (NEW) \n" +
            "Hexa (HX) [0x5] (NEW) 1\n" +
            "*\n" +
            "* Main menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Forced one (FORCED) [Y/?] y\n" +
            "Early, depends on LATE (EARLY) [N/y/?] (NEW) 5\n" +
            "Early, depends on LATE (EARLY) [N/y/?] (NEW) 15\n" +
            "Early, depends on LATE (EARLY) [N/y/?] (NEW) \n" +
            "Late (LATE) [Y/n/?] y\n" +
            "  Depends on late (LATE2) [Y/n/?] y\n" +
            "tri sym (TRI) [Y/n/m/?] y\n" +
            "Tri choice\n" +
            "  1. TC one (TC1)\n" +
            "> 2. TC two (TC2)\n" +
            "choice[1-2?]: 2\n" +
            "Optional choice\n" +
            "> 1. OC one (OC1)\n" +
            "  2. OC two (OC2)\n" +
            "choice[1-2?]: 1\n" +
            "Number (NUM) [10] 10\n" +
            "Hexa (HX) [0x1] 0x1\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "CONFIG_SEL=y", "CONFIG_FORCED=y", "# CONFIG_EARLY is not set", "CONFIG_MC=y", "# CONFIG_MC_A is not set", "# CONFIG_MC_B is not set", "CONFIG_INN=\"hello\"", "CONFIG_LATE=y", "CONFIG_LATE2=y", "CONFIG_TRI=y", "# CONFIG_TC1 is not set", "CONFIG_TC2=y", "CONFIG_OC1=y", "# CONFIG_OC2 is not set", "CONFIG_NUM=10", "CONFIG_HX=0x1"), r.config());
    }

    /** ? prints the help (MenuInfo.help); m on a bool is out of range and prints the help too. */
    @Test
    void helpOnQuestionMark612() {
        Result r = run("6.12", K1, "CONFIG_MODULES=y\n" +
                "CONFIG_B=y\n" +
                "CONFIG_C=3\n" +
                "CONFIG_D=0x20\n" +
                "CONFIG_E=\"x\"\n" +
                "CONFIG_Y1=y\n" +
                "# CONFIG_Y2 is not set\n",
                Mode.OLDCONFIG, "?\n" +
                "m\n" +
                "\n");
        assertEquals("*\n" +
            "* Restart config...\n" +
            "*\n" +
            "*\n" +
            "* Test menu\n" +
            "*\n" +
            "Modules (MODULES) [Y/n/?] y\n" +
            "Feature A (A) [N/y/?] (NEW) ?\n" +
            "\n" +
            "CONFIG_A:\n" +
            "\n" +
            "Help for A.\n" +
            "Symbol: A [=n]\n" +
            "Type  : bool\n" +
            "Defined at Kconfig:6\n" +
            "  Prompt: Feature A\n" +
            "  Location:\n" +
            "    -> Feature A (A [=n])\n" +
            "\n" +
            "\n" +
            "\n" +
            "Feature A (A) [N/y/?] (NEW) m\n" +
            "\n" +
            "CONFIG_A:\n" +
            "\n" +
            "Help for A.\n" +
            "Symbol: A [=n]\n" +
            "Type  : bool\n" +
            "Defined at Kconfig:6\n" +
            "  Prompt: Feature A\n" +
            "  Location:\n" +
            "    -> Feature A (A [=n])\n" +
            "\n" +
            "\n" +
            "\n" +
            "Feature A (A) [N/y/?] (NEW) \n" +
            "Feature B (B) [Y/n/m/?] y\n" +
            "Pick one\n" +
            "> 1. First (Y1)\n" +
            "  2. Second (Y2)\n" +
            "choice[1-2?]: 1\n" +
            "*\n" +
            "* A comment\n" +
            "*\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of("CONFIG_MODULES=y", "# CONFIG_A is not set", "CONFIG_B=y", "CONFIG_C=3", "CONFIG_D=0x20", "CONFIG_E=\"x\"", "CONFIG_Y1=y", "# CONFIG_Y2 is not set"), r.config());
    }
}
