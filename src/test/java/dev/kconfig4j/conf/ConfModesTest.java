package dev.kconfig4j.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every mode and environment variable of {@code conf} on one small tree. Each expectation
 * (exit status, standard output and error, the files written) is what the kernel's own conf 6.12
 * produced for the same tree, input files and environment ({@code ${dir}} is the object directory).
 */
class ConfModesTest {
    private static final String KCONFIG = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\nconfig A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n\tdefault y\nconfig C\n\ttristate \"c\"\nconfig D\n\ttristate \"d\"\n\tdepends on C\nconfig S\n\tstring \"s\"\n\tdefault \"x\"\nchoice\n\tprompt \"pick\"\n\tdefault P2\nconfig P1\n\tbool \"p1\"\nconfig P2\n\tbool \"p2\"\nendchoice\n";

    private static void check(Map<String, String> files, Map<String, String> env, String[] args, int exit,
            String stdout, String stderr, String config, String defconfig) {
        ConfRun run = ConfRun.tree("6.12", KCONFIG);
        files.forEach(run::file);
        env.forEach(run::env);
        ConfRun.Result r = run.run(args);
        String dir = r.dir().toString();
        assertThat(r.exit()).as("exit status").isEqualTo(exit);
        assertThat(r.stdout().replace(dir, "${dir}")).as("stdout").isEqualTo(stdout);
        assertThat(r.stderr().replace(dir, "${dir}")).as("stderr").isEqualTo(stderr);
        if (config != null && !files.containsKey(".config") || config != null && !config.equals(files.get(".config"))) {
            assertThat(r.config()).as(".config").isEqualTo(config);
        }
        if (defconfig != null) {
            assertThat(r.read("defconfig")).as("defconfig").isEqualTo(defconfig);
        }
    }

    @Test
    void listNewConfigPrintsNewSymbolsWithTheirValues() {
        check(Map.of(".config", "CONFIG_A=y\n"), Map.of(), new String[] {"--listnewconfig"},
                0, "CONFIG_MODULES=y\nCONFIG_B=y\nCONFIG_C=n\nCONFIG_S=\"x\"\nCONFIG_P1=n\nCONFIG_P2=y\n",
                "",
                "CONFIG_A=y\n", null);
    }

    @Test
    void allconfigFileSeedsAllnoconfig() {
        check(Map.of("frag", "CONFIG_C=m\nCONFIG_A=y\n"), Map.of("KCONFIG_ALLCONFIG", "frag"), new String[] {"--allnoconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\n# CONFIG_MODULES is not set\nCONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=y\n# CONFIG_D is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void allconfigOneReadsTheModeSpecificFile() {
        check(Map.of("allno.config", "CONFIG_C=y\n"), Map.of("KCONFIG_ALLCONFIG", "1"), new String[] {"--allnoconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\n# CONFIG_MODULES is not set\n# CONFIG_A is not set\n# CONFIG_B is not set\nCONFIG_C=y\n# CONFIG_D is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void allconfigOneFallsBackToAllConfig() {
        check(Map.of("all.config", "CONFIG_D=m\n"), Map.of("KCONFIG_ALLCONFIG", "1"), new String[] {"--allyesconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\nCONFIG_D=m\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void allconfigOneWithoutAnyFileFails() {
        check(Map.of(), Map.of("KCONFIG_ALLCONFIG", "1"), new String[] {"--allyesconfig"},
                1, "",
                "*** KCONFIG_ALLCONFIG set, but no \"allyes.config\" or \"all.config\" file found\n",
                null, null);
    }

    @Test
    void yes2modconfig() {
        check(Map.of(".config", "CONFIG_C=y\nCONFIG_D=y\nCONFIG_A=y\n"), Map.of(), new String[] {"--yes2modconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\nCONFIG_C=m\nCONFIG_D=m\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void mod2yesconfig() {
        check(Map.of(".config", "CONFIG_C=m\nCONFIG_D=m\n"), Map.of(), new String[] {"--mod2yesconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\n# CONFIG_A is not set\nCONFIG_B=y\nCONFIG_C=y\nCONFIG_D=y\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void mod2noconfig() {
        check(Map.of(".config", "CONFIG_C=m\nCONFIG_D=m\n"), Map.of(), new String[] {"--mod2noconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\n# CONFIG_A is not set\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void defconfigListIsReadWhenThereIsNoConfig() {
        check(Map.of("cfg1", "CONFIG_A=y\n"), Map.of("KCONFIG_DEFCONFIG_LIST", "nothere cfg1"), new String[] {"--olddefconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void noSilentUpdateRefusesAChangedConfig() {
        check(Map.of(".config", "CONFIG_A=y\n"), Map.of("KCONFIG_NOSILENTUPDATE", "1"), new String[] {"--syncconfig"},
                1, "",
                "\n*** The configuration requires explicit update.\n\n",
                "CONFIG_A=y\n", null);
    }

    @Test
    void noSilentUpdateAcceptsACompleteConfig() {
        check(Map.of(".config", "CONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n"), Map.of("KCONFIG_NOSILENTUPDATE", "1"), new String[] {"--syncconfig"},
                0, "",
                "",
                "CONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void werrorTurnsConfigWarningsIntoErrors() {
        check(Map.of(".config", "CONFIG_A=m\n"), Map.of("KCONFIG_WERROR", "1"), new String[] {"--olddefconfig"},
                1, "",
                "${dir}/.config:1:warning: symbol value 'm' invalid for A\n",
                "CONFIG_A=m\n", null);
    }

    @Test
    void warnUnknownSymbols() {
        check(Map.of(".config", "CONFIG_NOPE=y\n"), Map.of("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1"), new String[] {"--olddefconfig"},
                0, "",
                "${dir}/.config:1:warning: unknown symbol: NOPE\n",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\n# CONFIG_A is not set\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void savedefconfigKeepsOnlyNonDefaults() {
        check(Map.of(".config", "CONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\nCONFIG_C=m\nCONFIG_P1=y\n"), Map.of(), new String[] {"--savedefconfig=defconfig"},
                0, "",
                "",
                "CONFIG_MODULES=y\nCONFIG_A=y\nCONFIG_B=y\nCONFIG_C=m\nCONFIG_P1=y\n", "CONFIG_A=y\nCONFIG_C=m\nCONFIG_P1=y\n");
    }

    @Test
    void savedefconfigIntoAMissingDirectoryFailsAndCreatesNothing() {
        ConfRun run = ConfRun.tree("6.12", KCONFIG).file(".config", "CONFIG_A=y\n");
        ConfRun.Result r = run.run("--savedefconfig=no/such/defconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("n*** Error while saving defconfig to: no/such/defconfig\n\n");
        assertThat(r.dir().resolve("no")).doesNotExist();
    }

    @Test
    void alldefconfig() {
        check(Map.of(), Map.of(), new String[] {"--alldefconfig"},
                0, "",
                "",
                "#\n# Automatically generated file; DO NOT EDIT.\n# Main menu\n#\nCONFIG_MODULES=y\n# CONFIG_A is not set\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_S=\"x\"\n# CONFIG_P1 is not set\nCONFIG_P2=y\n", null);
    }

    @Test
    void helpNewConfig() {
        check(Map.of(".config", "CONFIG_A=y\n"), Map.of(), new String[] {"--helpnewconfig"},
                0, "-----\n\nThere is no help available for this option.\nSymbol: MODULES [=y]\nType  : bool\nDefined at Kconfig:1\n  Prompt: modules\n  Location:\n    -> modules (MODULES [=y])\n\n\n\n-----\n-----\n\nThere is no help available for this option.\nSymbol: B [=y]\nType  : bool\nDefined at Kconfig:7\n  Prompt: b\n  Location:\n    -> b (B [=y])\n\n\n\n-----\n-----\n\nThere is no help available for this option.\nSymbol: C [=n]\nType  : tristate\nDefined at Kconfig:10\n  Prompt: c\n  Location:\n    -> c (C [=n])\n\n\n\n-----\n-----\n\nThere is no help available for this option.\nSymbol: S [=x]\nType  : string\nDefined at Kconfig:15\n  Prompt: s\n  Location:\n    -> s (S [=x])\n\n\n\n-----\n-----\n\nThere is no help available for this option.\nSymbol: P1 [=n]\nType  : bool\nDefined at Kconfig:21\n  Prompt: p1\n  Location:\n    -> pick (<choice> [=n])\n      -> p1 (P1 [=n])\n\n\n\n-----\n-----\n\nThere is no help available for this option.\nSymbol: P2 [=y]\nType  : bool\nDefined at Kconfig:23\n  Prompt: p2\n  Location:\n    -> pick (<choice> [=n])\n      -> p2 (P2 [=y])\n\n\n\n-----\n",
                "",
                "CONFIG_A=y\n", null);
    }

    @Test
    void overwriteConfigWritesThroughASymlinkAndKeepsNoOldCopy() throws Exception {
        ConfRun run = ConfRun.tree("6.12", KCONFIG).file("real.config", "CONFIG_A=y\n").env("KCONFIG_OVERWRITECONFIG", "1");
        java.nio.file.Files.createSymbolicLink(run.dir().resolve(".config"), run.dir().resolve("real.config"));
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(java.nio.file.Files.isSymbolicLink(run.dir().resolve(".config"))).isTrue();
        assertThat(r.read("real.config")).contains("CONFIG_A=y\nCONFIG_B=y\n");
        assertThat(r.read(".config.old")).isNull();
    }

    @Test
    void warnChangedInputListsUserValuesKconfigChanged() {
        // KCONFIG_WARN_CHANGED_INPUT (Linux 7.3): the format of the kernel's own selftest.
        ConfRun.Result r = ConfRun.tree("7.3", """
                config DEP
                	bool "DEP"
                config A
                	bool "A"
                	depends on DEP
                config NUM
                	int "NUM"
                	range 10 20
                config DUP
                	bool "DUP"
                	depends on DEP
                config DUP
                	bool
                	depends on DEP
                """).config("CONFIG_A=y\nCONFIG_NUM=30\nCONFIG_DUP=y\n").env("KCONFIG_WARN_CHANGED_INPUT", "1")
                .run("--olddefconfig");
        assertThat(r.stderr()).isEqualTo("warning: user-provided values changed by Kconfig:\n  CONFIG_A: y -> n\n"
                + "  CONFIG_NUM: 30 -> 20\n  CONFIG_DUP: y -> n\n");
        assertThat(r.body()).isEqualTo("# CONFIG_DEP is not set\nCONFIG_NUM=20\n");
    }
    @Test
    void warnChangedInputWritesStringsBareAndIsUnknownBefore73() {
        String kconfig = "config T\n\tstring\n\tdefault \"def val\"\nconfig H\n\thex\n\tdefault 0x10\n";
        String config = "CONFIG_T=\"x y\"\nCONFIG_H=0x20\n";
        ConfRun.Result r = ConfRun.tree("7.3", kconfig).config(config).env("KCONFIG_WARN_CHANGED_INPUT", "1")
                .run("--olddefconfig");
        assertThat(r.stderr()).isEqualTo("warning: user-provided values changed by Kconfig:\n"
                + "  CONFIG_T: x y -> def val\n  CONFIG_H: 0x20 -> 0x10\n");
        for (String older : List.of("6.12", "6.1", "5.10")) {
            assertThat(ConfRun.tree(older, kconfig).config(config).env("KCONFIG_WARN_CHANGED_INPUT", "1")
                    .run("--olddefconfig").stderr()).as(older).isEmpty();
        }
    }

    @Test
    void withHomeInTheObjectDirectoryConfWritesNoCacheThere() throws Exception {
        String kconfig = "config A\n\tbool \"a\"\n\tdefault $(shell,echo y)\n";
        ConfRun inObjdir = ConfRun.tree("6.12", kconfig);
        ConfRun.Result r = inObjdir.env("KCONFIG4J_PROBE_CACHE", "on").env("HOME", inObjdir.dir().toString())
                .run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.dir().resolve(".cache")).doesNotExist();
        // Elsewhere the caches are used as always.
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("kconfig4j-home");
        ConfRun.Result elsewhere = ConfRun.tree("6.12", kconfig).env("KCONFIG4J_PROBE_CACHE", "on")
                .env("HOME", home.toString()).run("--olddefconfig");
        assertThat(elsewhere.body()).isEqualTo(r.body());
        assertThat(home.resolve(".cache/kconfig4j/probes")).isDirectory();
    }

    @Test
    void anEmptyKconfigConfigReadsNoConfigAndCannotBeWritten() {
        String kconfig = "config A\n\tbool \"a\"\n\tdefault y\n";
        ConfRun.Result r = ConfRun.tree("7.3", kconfig).config("CONFIG_A=n\n").env("KCONFIG_CONFIG", "")
                .run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("config name is empty\n\n*** Error during writing of the configuration.\n\n");
        assertThat(r.config()).isEqualTo("CONFIG_A=n\n");
        ConfRun.Result list = ConfRun.tree("7.3", kconfig).config("CONFIG_A=n\n").env("KCONFIG_CONFIG", "")
                .run("--listnewconfig");
        assertThat(list.exit()).isZero();
        assertThat(list.stdout()).isEqualTo("CONFIG_A=y\n");
    }

    @Test
    void theCommandLineIsReadAsGetoptLongReadsIt() {
        // conf-5.10 and conf-7.3 alike: the last mode wins, an option may come twice or
        // abbreviated, arguments after the Kconfig file are ignored, --defconfig= reads nothing.
        String kconfig = "config A\n\tbool \"a\"\n\tdefault y\n";
        for (String version : List.of("5.10", "7.3")) {
            ConfRun.Result olddef = ConfRun.tree(version, kconfig).config("CONFIG_A=y\n").run("--allnoconfig", "--olddefconfig");
            assertThat(olddef.exit()).isZero();
            assertThat(olddef.body()).isEqualTo("CONFIG_A=y\n");
            ConfRun.Result allno = ConfRun.tree(version, kconfig).config("CONFIG_A=y\n").run("--olddefconfig", "--allnoconfig");
            assertThat(allno.body()).isEqualTo("# CONFIG_A is not set\n");
            for (String[] args : List.of(new String[] {"-s", "--olddef"}, new String[] {"--olddefconfig", "Kconfig"},
                    new String[] {"--defconfig="})) {
                ConfRun.Result r = ConfRun.tree(version, kconfig).config("CONFIG_A=y\n").run(args);
                assertThat(r.exit()).as(String.join(" ", args)).isZero();
                assertThat(r.stderr()).as(String.join(" ", args)).isEmpty();
                assertThat(r.body()).as(String.join(" ", args)).isEqualTo("CONFIG_A=y\n");
            }
        }
    }

    @Test
    void anUnknownOptionIsReportedThenConf61AndLaterGoOnAnd510Stops() {
        // As conf-6.1/6.12/7.3 and conf-5.10 (whose message names its own path where kconfig4j says conf).
        String kconfig = "config A\n\tbool \"a\"\n\tdefault y\n";
        ConfRun.Result r = ConfRun.tree("7.3", kconfig).config("CONFIG_A=n\n").run("--foo", "-x", "--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).isEqualTo("conf: unrecognized option '--foo'\nconf: invalid option -- 'x'\n");
        assertThat(r.body()).isEqualTo("# CONFIG_A is not set\n");
        ConfRun.Result old = ConfRun.tree("5.10", kconfig).config("CONFIG_A=n\n").run("--foo", "--olddefconfig");
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.stderr()).isEqualTo("conf: unrecognized option '--foo'\n");
        assertThat(old.stdout()).startsWith("Usage: conf [-s] [option] <kconfig-file>\n[option] is _one_ of the following:\n")
                .doesNotContain("mod2no");
        ConfRun.Result mod2no = ConfRun.tree("5.10", kconfig).config("CONFIG_A=n\n").run("--mod2noconfig");
        assertThat(mod2no.exit()).isEqualTo(1);
        assertThat(mod2no.stderr()).isEqualTo("conf: unrecognized option '--mod2noconfig'\n");
        assertThat(ConfRun.tree("6.1", kconfig).config("CONFIG_A=n\n").run("--mod2noconfig").exit()).isZero();
        // --silent is -s from 6.1; conf-5.10 does not know it.
        ConfRun.Result silent = ConfRun.tree("6.1", kconfig).config("CONFIG_A=n\n").run("--silent", "--olddefconfig");
        assertThat(silent.exit()).isZero();
        assertThat(silent.stdout()).isEmpty();
        ConfRun.Result silent510 = ConfRun.tree("5.10", kconfig).config("CONFIG_A=n\n").run("--silent", "--olddefconfig");
        assertThat(silent510.exit()).isEqualTo(1);
        assertThat(silent510.stderr()).isEqualTo("conf: unrecognized option '--silent'\n");
    }

    @Test
    void aMissingKconfigFileOrOptionArgumentIsReportedAsConfReportsIt() {
        // As conf-5.10, 6.12 and 7.3 (their messages name their own path where kconfig4j says conf;
        // DifferentialTest compares the usage texts whole with each generation's conf).
        String kconfig = "config A\n\tbool \"a\"\n";
        ConfRun.Result missing = ConfRun.tree("6.12", kconfig).runExactly("-s");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("conf: Kconfig file missing\n");
        assertThat(missing.stdout()).startsWith("Usage: conf [options] <kconfig-file>\n\nGeneric options:\n")
                .endsWith("  --mod2noconfig          Change answers from mod to no if possible\n"
                        + "  (If none of the above is given, --oldaskconfig is the default)\n");
        assertThat(ConfRun.tree("7.3", kconfig).runExactly().stdout()).startsWith("Usage: conf [options] kconfig_file\n")
                .endsWith("\nArguments:\n  kconfig_file            Top-level Kconfig file.\n");
        ConfRun.Result old = ConfRun.tree("5.10", kconfig).runExactly("-s");
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.stdout()).startsWith("Usage: conf [-s] [option] <kconfig-file>\n");

        // getopt_long: an option's argument is the next argument, whatever it is...
        ConfRun.Result dashS = ConfRun.tree("6.12", kconfig).runExactly("--defconfig", "-s", "Kconfig");
        assertThat(dashS.exit()).isEqualTo(1);
        assertThat(dashS.stderr()).isEqualTo("***\n*** Can't find default configuration \"-s\"!\n***\n");
        // ... and a last --defconfig has none: reported, then conf goes on in its default mode from 6.1
        ConfRun.Result last = ConfRun.tree("6.12", kconfig).runExactly("-s", "Kconfig", "--defconfig");
        assertThat(last.exit()).isZero();
        assertThat(last.stderr()).isEqualTo("conf: option '--defconfig' requires an argument\n\nError in reading or end of file.\n");
        assertThat(last.stdout()).isEqualTo("*\n* Main menu\n*\na (A) [N/y/?] (NEW) \n");
        // and stops with its usage in 5.10
        ConfRun.Result last510 = ConfRun.tree("5.10", kconfig).runExactly("-s", "Kconfig", "--savedef");
        assertThat(last510.exit()).isEqualTo(1);
        assertThat(last510.stderr()).isEqualTo("conf: option '--savedefconfig' requires an argument\n");
        assertThat(last510.stdout()).startsWith("Usage: conf [-s] [option] <kconfig-file>\n");
        // a prefix of several options is reported with them, in conf's order; conf goes on (6.1 on)
        ConfRun.Result ambiguous = ConfRun.tree("6.12", kconfig).runExactly("--old", "Kconfig");
        assertThat(ambiguous.exit()).isZero();
        assertThat(ambiguous.stderr()).isEqualTo("conf: option '--old' is ambiguous; possibilities: '--oldaskconfig' '--oldconfig'"
                + " '--olddefconfig'\n\nError in reading or end of file.\n");
        // after --, nothing is an option
        assertThat(ConfRun.tree("6.12", kconfig).runExactly("-s", "--", "Kconfig", "--defconfig").stderr())
                .doesNotContain("requires an argument");
    }

    @Test
    void conf510KnowsNeitherWarnUnknownSymbolsNorWerror() {
        ConfRun.Result r = ConfRun.tree("5.10", "config A\n\tbool \"a\"\n").config("CONFIG_A=y\nCONFIG_ZZZ=y\n")
                .env("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1").env("KCONFIG_WERROR", "1").run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.body()).isEqualTo("CONFIG_A=y\n");
        ConfRun.Result r61 = ConfRun.tree("6.1", "config A\n\tbool \"a\"\n").config("CONFIG_A=y\nCONFIG_ZZZ=y\n")
                .env("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1").env("KCONFIG_WERROR", "1").run("--olddefconfig");
        assertThat(r61.exit()).isEqualTo(1);
        assertThat(r61.stderr()).endsWith(".config:2:warning: unknown symbol: ZZZ\n");
    }

    /**
     * The kernel's conf opens a directory like a file and reads nothing from it: 5.10's default
     * list names {@code arch/x86/configs/} when KBUILD_DEFCONFIG is unset, and {@code
     * --defconfig=DIR} succeeds. (conf 5.10, 6.12 and 7.3 alike.)
     */
    @Test
    void aDirectoryGivenAsAConfigReadsAsEmpty() throws Exception {
        ConfRun run = ConfRun.tree("6.12", "config A\n\tbool \"a\"\n\tdefault y\n");
        java.nio.file.Files.createDirectories(run.dir().resolve("cfgdir"));
        run.file("other", "# CONFIG_A is not set\n");
        ConfRun.Result r = run.env("KCONFIG_DEFCONFIG_LIST", "nonexist cfgdir/ other").run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).as("-s silences the using-defaults message").isEmpty();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.config()).as("the directory was the defaults found: other is not read").endsWith("CONFIG_A=y\n");

        ConfRun.Result d = ConfRun.tree("6.12", "config A\n\tbool \"a\"\n").file("d/x", "").run("--defconfig=d");
        assertThat(d.exit()).isZero();
        assertThat(d.stderr()).isEmpty();
    }
}
