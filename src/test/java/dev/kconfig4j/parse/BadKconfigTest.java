package dev.kconfig4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import org.junit.jupiter.api.Test;

/**
 * A broken Kconfig tree gives the kernel's message with file and line, exit status 1, and no
 * output file. Messages are those of the kernel's conf 6.12.
 */
class BadKconfigTest {

    private static void assertFails(ConfRun.Result r, String stderr) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(stderr);
        assertThat(r.config()).isNull();
    }

    @Test
    void unknownStatement() {
        assertFails(ConfRun.tree("6.12", "config A\n\tbool \"a\"\nfoo bar\n").run("--olddefconfig"),
                "Kconfig:3: syntax error\nKconfig:3: unknown statement \"foo\"\n");
    }

    @Test
    void unknownAttributeInsideAnEntry() {
        assertFails(ConfRun.tree("6.12", "config A\n\tbool \"a\"\n\tfrob\n").run("--olddefconfig"),
                "Kconfig:3: syntax error\nKconfig:3: unknown statement \"frob\"\n");
    }

    /** A second {@code modules} flag, even on the same symbol, fails every generation at its line. */
    @Test
    void modulesFlagGivenTwice() {
        String tree = "config MODULES\n\tbool \"modules\"\n\tmodules\nconfig MODULES\n\tmodules\n"
                + "config OTHER\n\tbool \"other\"\n\tmodules\n";
        String expected = "Kconfig:5: symbol 'MODULES' redefines option 'modules' already defined by symbol 'MODULES'\n"
                + "Kconfig:8: symbol 'OTHER' redefines option 'modules' already defined by symbol 'MODULES'\n";
        for (String generation : new String[] {"6.1", "6.12", "7.3"}) {
            assertFails(ConfRun.tree(generation, tree).run("--olddefconfig"), expected);
        }
        assertFails(ConfRun.tree("5.10", tree.replace("\tmodules", "\toption modules")).run("--olddefconfig"), expected);
    }

    @Test
    void missingSourcedFile() {
        assertFails(ConfRun.tree("6.12", "source \"nothere\"\n").run("--olddefconfig"),
                "Kconfig:1: can't open file \"nothere\"\n");
    }

    @Test
    void errorsInSourcedFilesNameThatFile() {
        assertFails(ConfRun.tree("6.12", "source \"sub/Kconfig\"\n").file("sub/Kconfig", "config A\n\tbool \"a\"\n\tdepends on (B\n")
                .run("--olddefconfig"), "sub/Kconfig:3: syntax error\nsub/Kconfig:3: invalid statement\n");
    }

    @Test
    void unterminatedChoice() {
        assertFails(ConfRun.tree("6.12", "choice\n\tprompt \"x\"\nconfig A\n\tbool \"a\"\n").run("--olddefconfig"),
                "Kconfig:5: syntax error\nKconfig:1: missing end statement for this entry\n");
    }

    @Test
    void strayEnd() {
        assertFails(ConfRun.tree("6.12", "endif\n").run("--olddefconfig"),
                "Kconfig:1: syntax error\nKconfig:1: invalid statement\n");
    }

    @Test
    void errorIfMacroStopsTheLoad() {
        assertFails(ConfRun.tree("6.12", "$(error-if,y,this tree is broken)\nconfig A\n\tbool \"a\"\n")
                .run("--olddefconfig"), "Kconfig:1: this tree is broken\n");
    }

    @Test
    void absurdlyDeepExpressionsAreAnErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + "A" + ")".repeat(5000);
        ConfRun.Result r = ConfRun.tree("6.12", "config A\n\tbool \"a\"\n\tdepends on " + deep + "\n").run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Kconfig:3: expression nested too deeply (more than 256 levels): simplify it\n");
        assertThat(r.config()).isNull();
    }

    @Test
    void sourceCyclesAreAnError() {
        ConfRun.Result r = ConfRun.tree("6.12", "source \"a/Kconfig\"\n").file("a/Kconfig", "source \"b/Kconfig\"\n")
                .file("b/Kconfig", "source \"a/Kconfig\"\n").run("--olddefconfig");
        assertFails(r, "Recursive inclusion detected.\nInclusion path:\n  current file : a/Kconfig\n"
                + "  included from: b/Kconfig:1\n  included from: a/Kconfig:1\n  included from: Kconfig:1\n");
    }

    @Test
    void anUnreadableInputIsNotTouchedAndFailedRunsWriteNothing() {
        ConfRun run = ConfRun.tree("6.12", "config A\n\tbool \"a\"\nbroken\n").config("CONFIG_A=y\n");
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.config()).isEqualTo("CONFIG_A=y\n");
        assertThat(r.read(".config.old")).isNull();
    }
}
