package dev.kconfig4j.confdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;

/** Reading and writing config files as the kernel does (expectations from conf 6.12 / 6.1). */
class ConfigFileTest {

    /** {@link dev.kconfig4j.dialect.Dialect#warnsAboutAssignmentsWithoutValue()} (found by the nightly fuzz run). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "5.10, ''",
        "6.1, ''",
        "6.12, 'DIR/.config:1:warning: unexpected data: CONFIG_A\nDIR/.config:2:warning: unexpected data: CONFIG_\n'",
        "7.3, 'DIR/.config:1:warning: unexpected data: CONFIG_A\nDIR/.config:2:warning: unexpected data: CONFIG_\n'"})
    void aConfigLineWithoutValueIsSkippedInSilenceUpTo61(String version, String warnings) {
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version,
                "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n",
                "CONFIG_A\nCONFIG_\nCONFIG_B=y\n# CONFIG_B\nfoo\n", "--olddefconfig");
        assertThat(r.stderr().replace(r.dir().toString(), "DIR"))
                .isEqualTo(warnings.replace("\\n", "\n") + "DIR/.config:5:warning: unexpected data: foo\n");
        assertThat(r.body()).isEqualTo("# CONFIG_A is not set\nCONFIG_B=y\n");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"5.10, true", "6.1, true", "6.12, false", "7.3, false"})
    void upTo61ALineStartingWithANulByteIsUnexpectedDataShownEmpty(String version, boolean warned) {
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version, "config A\n\tbool \"a\"\n",
                "\0CONFIG_A=y\n\n", "--olddefconfig");
        assertThat(r.stderr().replace(r.dir().toString(), "DIR"))
                .isEqualTo(warned ? "DIR/.config:1:warning: unexpected data: \n" : "");
        assertThat(r.body()).isEqualTo("# CONFIG_A is not set\n");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"5.10, n", "6.1, n", "6.12, y", "7.3, y"})
    void upTo61AnythingMayFollowIsNotSet(String version, String value) {
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version,
                "config A\n\tbool \"a\"\n\tdefault y\nconfig B\n\tbool \"b\"\n\tdefault y\n",
                "# CONFIG_A is not set\u0010\n# CONFIG_B is not settled\n", "--olddefconfig");
        String expected = value.equals("n") ? "# CONFIG_A is not set\n# CONFIG_B is not set\n" : "CONFIG_A=y\nCONFIG_B=y\n";
        assertThat(r.body()).isEqualTo(expected);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "5.10, 'DIR/.config:1:warning: unexpected data: C\n'",
        "6.1, 'DIR/.config:1:warning: unexpected data: C\n'",
        "6.12, 'DIR/.config:1:warning: unexpected data: C\rONFIG_A=y\nDIR/.config:2:warning: unexpected data: \rCONFIG_A=y\n'"})
    void upTo61AnUnexpectedLineIsShownUpToItsFirstCarriageReturn(String version, String warnings) {
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version, "config A\n\tbool \"a\"\n",
                "C\rONFIG_A=y\n\rCONFIG_A=y\nCONFIG_A=\ry\n", "--olddefconfig");
        assertThat(r.stderr().replace(r.dir().toString(), "DIR")).isEqualTo(warnings.replace("\\n", "\n")
                .replace("\\r", "\r") + "DIR/.config:3:warning: symbol value '\ry' invalid for A\n");
    }

    /**
     * A config text is split into lines once, as the kernel reads them (each a C string, the
     * carriage return before the newline dropped): the reader of a tree and the analyses that ask
     * what the user wrote see the same lines and the same assignments.
     */
    @Test
    void eachLineIsReadAsACStringOnceForEveryReader() {
        ConfigFile f = ConfigFile.of("c", "CONFIG_T=m\0junk\r\n\0CONFIG_B=y\n# CONFIG_B is not set\u0010\n"
                + "# CONFIG_I is not set\r\nfoo\n", "CONFIG_");
        assertThat(f.lines()).extracting(ConfigFile.Line::number, ConfigFile.Line::text, ConfigFile.Line::symbol,
                ConfigFile.Line::value, ConfigFile.Line::nul, ConfigFile.Line::exact).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "CONFIG_T=m", "T", "m", 10, true),
                org.assertj.core.groups.Tuple.tuple(2, "", null, null, 0, true),
                org.assertj.core.groups.Tuple.tuple(3, "# CONFIG_B is not set\u0010", "B", "n", -1, false),
                org.assertj.core.groups.Tuple.tuple(4, "# CONFIG_I is not set", "I", "n", -1, true),
                org.assertj.core.groups.Tuple.tuple(5, "foo", null, null, -1, true));
        // Only exact assignments are what the user wrote (the loose one counts up to 6.1 only).
        assertThat(f.assignments()).containsOnlyKeys("T", "I");
        assertThat(f.assignments().get("T").value()).isEqualTo("m");
    }

    @Test
    void theReaderAppliesAParsedConfigFileWithTheKernelsWarnings() {
        Path dir = ConfRun.tree("6.12", TREE).dir();
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        dev.kconfig4j.Kconfig tree = dev.kconfig4j.Kconfig.load(dev.kconfig4j.Kconfig.Options.of(dir, "Kconfig",
                java.util.Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12"), dir), quiet, quiet);
        dev.kconfig4j.symbol.Configuration config = tree.newConfiguration();
        dev.kconfig4j.diagnostic.Diagnostics warnings = new dev.kconfig4j.diagnostic.Diagnostics();
        ConfigReader reader = new ConfigReader(tree, config, warnings, "CONFIG_", false);
        reader.read(ConfigFile.of(".config", "CONFIG_T=m\nCONFIG_T=y\nCONFIG_B=m\ngarbage\n", "CONFIG_"));
        reader.afterRead();
        assertThat(warnings.list()).extracting(dev.kconfig4j.diagnostic.Diagnostic::text).containsExactly(
                ".config:2:warning: override: reassigning to symbol T",
                ".config:3:warning: symbol value 'm' invalid for B",
                ".config:4:warning: unexpected data: garbage");
        assertThat(config.string(tree.symbols().find("T"))).isEqualTo("y");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.apply(ConfigFile.of(".config", "", "FOO_")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final String TREE = """
            mainmenu "Test $(KERNELVERSION)"
            config MODULES
            	bool "modules"
            	default y
            	modules
            menu "Drivers"
            config T
            	tristate "t"
            config B
            	bool "b"
            config I
            	int "i"
            	default 3
            config S
            	string "s"
            comment "a comment"
            menu "Hidden"
            	visible if n
            config H
            	bool "h"
            	default y
            endmenu
            endmenu
            config AFTER
            	bool "after"
            """;

    @Test
    void writesHeadingMenusCommentsAndEndMarkers() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).run("--alldefconfig");
        assertThat(r.config()).isEqualTo("""
                #
                # Automatically generated file; DO NOT EDIT.
                # Test 6.12
                #
                CONFIG_MODULES=y

                #
                # Drivers
                #
                # CONFIG_T is not set
                # CONFIG_B is not set
                CONFIG_I=3
                CONFIG_S=""

                #
                # a comment
                #
                CONFIG_H=y
                # end of Drivers

                # CONFIG_AFTER is not set
                """);
    }

    private static final String TRISTATE_CHOICE = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            choice
            	tristate "c"
            config A
            	tristate "A"
            config B
            	tristate "B"
            config C
            	tristate "C"
            endchoice
            """;

    /**
     * Up to 6.1 a member set m after another set y makes the tristate choice inconsistent: it has
     * no user value for the rest of the read, so a later y neither selects a member nor turns the
     * choice back to y: every member set is m (the kernel's conf 5.10 and 6.1 agree).
     */
    @Test
    void aTristateChoiceMadeInconsistentStaysSoForTheRestOfTheRead() {
        for (String generation : new String[] {"5.10", "6.1"}) {
            String kconfig = generation.equals("5.10") ? TRISTATE_CHOICE.replace("\tmodules", "\toption modules")
                    : TRISTATE_CHOICE;
            ConfRun.Result r = ConfRun.tree(generation, kconfig).config("""
                    CONFIG_A=y
                    CONFIG_B=m
                    CONFIG_C=y
                    """).run("--olddefconfig");
            assertThat(r.config()).as(generation).contains("CONFIG_A=m\nCONFIG_B=m\nCONFIG_C=m\n");
            assertThat(r.stderr().replace(r.dir() + "/", "")).as(generation).isEqualTo("""
                    .config:2:warning: B creates inconsistent choice state
                    .config:3:warning: override: C changes choice state
                    """);
            ConfRun.Result again = ConfRun.tree(generation, kconfig).config("""
                    CONFIG_A=y
                    CONFIG_B=m
                    CONFIG_A=y
                    """).run("--olddefconfig");
            assertThat(again.config()).as(generation).contains("CONFIG_A=m\nCONFIG_B=m\n# CONFIG_C is not set\n");
        }
    }

    @Test
    void warnsAboutBadLinesAndKeepsGoing() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).config("""
                CONFIG_T=m
                CONFIG_T=y
                CONFIG_B=m
                CONFIG_I=0x10
                garbage here
                CONFIG_NOPE=y
                CONFIG_S="unterminated
                CONFIG_B
                """).run("--olddefconfig");
        assertThat(r.exit()).isZero();
        String cfg = r.dir().resolve(".config").toString();
        assertThat(r.stderr()).isEqualTo(String.join("\n",
                cfg + ":2:warning: override: reassigning to symbol T",
                cfg + ":3:warning: symbol value 'm' invalid for B",
                cfg + ":4:warning: symbol value '0x10' invalid for I",
                cfg + ":5:warning: unexpected data: garbage here",
                cfg + ":7:warning: invalid string found",
                cfg + ":8:warning: unexpected data: CONFIG_B", ""));
        assertThat(r.body()).contains("CONFIG_T=y\n# CONFIG_B is not set\nCONFIG_I=3\n");
    }

    @Test
    void aLineEndsAtItsFirstNulByteAsTheKernelReadsIt() {
        // The kernel reads each line as a C string: a NUL inside a string value leaves it
        // unterminated (the default stays), other control bytes are kept as they are.
        ConfRun.Result r = ConfRun.tree("6.12", TREE + "config S2\n\tstring \"s2\"\n\tdefault \"d2\"\n").config(
                "CONFIG_S=\"ab\0cd\"\nCONFIG_I=5\u00006\nCONFIG_\0B=y\nCONFIG_T=m\0junk\n"
                        + "CONFIG_S2=\"a\u0001\t\u001b\u007fb\"\nCONFIG_MODULES=y\n# CONFIG_AFTER is not set\n")
                .run("--syncconfig");
        assertThat(r.exit()).isZero();
        String cfg = r.dir().resolve(".config").toString();
        // (syncconfig then asks for B and S, now new, and reads the end of its input.)
        assertThat(r.stderr()).startsWith(cfg + ":1:warning: invalid string found\n" + cfg
                + ":3:warning: unexpected data: CONFIG_\n");
        assertThat(r.body()).contains("CONFIG_T=m\n# CONFIG_B is not set\nCONFIG_I=5\nCONFIG_S=\"\"\n")
                .contains("CONFIG_S2=\"a\u0001\t\u001b\u007fb\"\n").doesNotContain("\0");
        assertThat(r.read("include/config/auto.conf")).contains("CONFIG_S2=").doesNotContain("\0");
        assertThat(r.read("include/generated/autoconf.h")).contains("CONFIG_S2 ").doesNotContain("\0");
    }

    @Test
    void keepsThePreviousConfigAsDotOldAndLeavesAnUnchangedFileAlone() throws IOException {
        ConfRun run = ConfRun.tree("6.12", TREE).config("CONFIG_B=y\n");
        ConfRun.Result first = run.run("--olddefconfig");
        assertThat(first.read(".config.old")).isEqualTo("CONFIG_B=y\n");
        String written = first.config();
        Files.delete(run.dir().resolve(".config.old"));
        ConfRun.Result second = run.run("--olddefconfig");
        assertThat(second.config()).isEqualTo(written);
        assertThat(second.read(".config.old")).isNull();
    }

    @Test
    void theOldConfigBecomesDotOldByARenameNotACopy() throws IOException {
        ConfRun run = ConfRun.tree("6.12", TREE).config("CONFIG_B=y\n");
        Object before = Files.readAttributes(run.dir().resolve(".config"), BasicFileAttributes.class).fileKey();
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.read(".config.old")).isEqualTo("CONFIG_B=y\n");
        // The same file, moved in one step: a kill can never leave a half-copied backup.
        assertThat(Files.readAttributes(run.dir().resolve(".config.old"), BasicFileAttributes.class).fileKey())
                .isEqualTo(before);
    }

    @Test
    void aSymlinkedConfigBecomesTheDotOldLinkAndItsTargetIsNotWritten() throws IOException {
        // As the kernel's conf (5.10 to 7.3) does: the link itself is renamed, .config is new.
        ConfRun run = ConfRun.tree("6.12", TREE).file("kept/real.config", "CONFIG_B=y\n");
        Files.createSymbolicLink(run.dir().resolve(".config"), Path.of("kept/real.config"));
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.body()).contains("CONFIG_B=y\n");
        assertThat(Files.isSymbolicLink(run.dir().resolve(".config"))).isFalse();
        assertThat(Files.readSymbolicLink(run.dir().resolve(".config.old"))).isEqualTo(Path.of("kept/real.config"));
        assertThat(r.read("kept/real.config")).isEqualTo("CONFIG_B=y\n");
    }

    @Test
    void aDirectoryNamedDotOldIsLeftAloneAndTheRunCompletes() throws IOException {
        ConfRun run = ConfRun.tree("6.12", TREE).config("CONFIG_B=y\n").file(".config.old/keep", "x\n");
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.body()).contains("CONFIG_B=y\n");
        assertThat(r.read(".config.old/keep")).isEqualTo("x\n");
    }

    @Test
    void defconfigFileIsReadNotModified() {
        ConfRun run = ConfRun.tree("6.12", TREE).file("my_defconfig", "CONFIG_B=y\nCONFIG_T=m\n");
        ConfRun.Result r = run.run("--defconfig=my_defconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.body()).contains("CONFIG_T=m\nCONFIG_B=y\n");
        assertThat(r.read("my_defconfig")).isEqualTo("CONFIG_B=y\nCONFIG_T=m\n");
    }

    @Test
    void missingDefconfigIsAnError() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).run("--defconfig=nothere");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("***\n*** Can't find default configuration \"nothere\"!\n***\n");
    }

    @Test
    void savedefconfigWritesOnlyWhatDiffersFromDefaults() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).config("CONFIG_MODULES=y\nCONFIG_T=m\n# CONFIG_B is not set\nCONFIG_I=4\n")
                .run("--savedefconfig=defconfig");
        assertThat(r.read("defconfig")).isEqualTo("CONFIG_T=m\nCONFIG_I=4\n");
    }
}
