package dev.kconfig4j.confdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.symbol.SymbolHashOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * auto.conf, autoconf.h, rustc_cfg, auto.conf.cmd and the dependency files. Every expected text
 * here is what the kernel's own conf (Debian's conf-5.10, conf-6.1, conf-6.12) wrote for the same
 * tree and input.
 */
class AutoconfWriterTest {

    /** Bool, tristate (m), n, strings with quotes and backslashes, int, hex without 0x, a sourced file, macros. */
    private static final String TREE = """
            mainmenu "Test $(FOO)"
            config MODULES
            	bool "modules"
            	default y
            	MODKW
            config A
            	bool "a"
            	default y
            config B
            	tristate "b"
            	default m
            config D
            	bool "d"
            config S
            	string "s"
            	default "he\\"l\\\\lo $x"
            config S2
            	string "s2"
            config I
            	int "i"
            	default -5
            config H
            	hex "h"
            	default 1f
            config FOO_BAR
            	bool
            	default y
            config XADZ
            	bool "x"
            	default y
            config XCCE
            	bool "x"
            	default y
            source "sub/Kconfig"
            """;

    private static ConfRun tree(String version) {
        String modules = version.equals("5.10") ? "option modules" : "modules";
        return ConfRun.tree(version, TREE.replace("MODKW", modules))
                .file("sub/Kconfig", "config ENVV\n\tstring\n\tdefault \"$(BAR)\"\n")
                .env("FOO", "foo").env("BAR", "bar");
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void writesTheFilesOf612InHashOrder() {
        ConfRun.Result r = tree("6.12").run("--olddefconfig");
        assertThat(r.exit()).isZero();
        // XADZ and XCCE share a bucket of 16384: the newer comes first.
        assertThat(r.read("include/config/auto.conf")).isEqualTo("""
                #
                # Automatically generated file; DO NOT EDIT.
                # Test foo
                #
                CONFIG_S2=
                CONFIG_I=-5
                CONFIG_H=1f
                CONFIG_FOO_BAR=y
                CONFIG_S=he"l\\lo $x
                CONFIG_MODULES=y
                CONFIG_ENVV=bar
                CONFIG_A=y
                CONFIG_B=m
                CONFIG_XCCE=y
                CONFIG_XADZ=y
                """);
        assertThat(r.read("include/generated/autoconf.h")).isEqualTo("""
                /*
                 * Automatically generated file; DO NOT EDIT.
                 * Test foo
                 */
                #define CONFIG_S2 ""
                #define CONFIG_I -5
                #define CONFIG_H 0x1f
                #define CONFIG_FOO_BAR 1
                #define CONFIG_S "he\\"l\\\\lo $x"
                #define CONFIG_MODULES 1
                #define CONFIG_ENVV "bar"
                #define CONFIG_A 1
                #define CONFIG_B_MODULE 1
                #define CONFIG_XCCE 1
                #define CONFIG_XADZ 1
                """);
        assertThat(r.read("include/generated/rustc_cfg")).isEqualTo("""
                --cfg=CONFIG_S2=""
                --cfg=CONFIG_I="-5"
                --cfg=CONFIG_H="0x1f"
                --cfg=CONFIG_FOO_BAR
                --cfg=CONFIG_FOO_BAR="y"
                --cfg=CONFIG_S="he\\"l\\\\lo $x"
                --cfg=CONFIG_MODULES
                --cfg=CONFIG_MODULES="y"
                --cfg=CONFIG_ENVV="bar"
                --cfg=CONFIG_A
                --cfg=CONFIG_A="y"
                --cfg=CONFIG_B
                --cfg=CONFIG_B="m"
                --cfg=CONFIG_XCCE
                --cfg=CONFIG_XCCE="y"
                --cfg=CONFIG_XADZ
                --cfg=CONFIG_XADZ="y"
                """);
        assertThat(r.read("include/config/auto.conf.cmd")).isEqualTo("""
                autoconfig := include/config/auto.conf

                deps_config := \\
                	Kconfig \\
                	sub/Kconfig \\

                $(autoconfig): $(deps_config)
                $(deps_config): ;

                ifneq "$(FOO)" "foo"
                $(autoconfig): FORCE
                endif

                ifneq "$(BAR)" "bar"
                $(autoconfig): FORCE
                endif
                """);
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("A", "B", "ENVV", "FOO_BAR", "H", "I",
                "MODULES", "S", "S2", "XADZ", "XCCE", "auto.conf", "auto.conf.cmd");
        assertThat(r.read("include/config/FOO_BAR")).isEmpty();
    }

    @Test
    void writesTheFilesOf61() {
        ConfRun.Result r = tree("6.1").run("--olddefconfig");
        assertThat(r.read("include/config/auto.conf")).isEqualTo("""
                #
                # Automatically generated file; DO NOT EDIT.
                # Test foo
                #
                CONFIG_FOO_BAR=y
                CONFIG_H=1f
                CONFIG_XADZ=y
                CONFIG_B=m
                CONFIG_A=y
                CONFIG_MODULES=y
                CONFIG_S2=
                CONFIG_I=-5
                CONFIG_S=he"l\\lo $x
                CONFIG_ENVV=bar
                CONFIG_XCCE=y
                """);
        assertThat(r.read("include/generated/rustc_cfg")).startsWith("""
                --cfg=CONFIG_FOO_BAR
                --cfg=CONFIG_FOO_BAR="y"
                --cfg=CONFIG_H="0x1f"
                """);
        assertThat(r.read("include/config/auto.conf.cmd")).isEqualTo("""
                deps_config := \\
                	sub/Kconfig \\
                	Kconfig \\

                include/config/auto.conf: $(deps_config)

                ifneq "$(FOO)" "foo"
                include/config/auto.conf: FORCE
                endif
                ifneq "$(BAR)" "bar"
                include/config/auto.conf: FORCE
                endif

                $(deps_config): ;
                """);
        assertThat(files(r.dir().resolve("include/config"))).contains("FOO_BAR", "S2").doesNotContain("D");
    }

    @Test
    void writesTheFilesOf510() {
        ConfRun.Result r = tree("5.10").run("--olddefconfig");
        assertThat(r.read("include/config/auto.conf")).isEqualTo("""
                #
                # Automatically generated file; DO NOT EDIT.
                # Test foo
                #
                CONFIG_FOO_BAR=y
                CONFIG_H=1f
                CONFIG_XADZ=y
                CONFIG_B=m
                CONFIG_A=y
                CONFIG_MODULES=y
                CONFIG_S2=""
                CONFIG_I=-5
                CONFIG_S="he\\"l\\\\lo $x"
                CONFIG_ENVV="bar"
                CONFIG_XCCE=y
                """);
        assertThat(r.read("include/generated/autoconf.h")).startsWith("""
                /*
                 *
                 * Automatically generated file; DO NOT EDIT.
                 * Test foo
                 *
                 */
                #define CONFIG_FOO_BAR 1
                #define CONFIG_H 0x1f
                """);
        assertThat(r.read("include/generated/rustc_cfg")).isNull();
        assertThat(r.read("include/config/auto.conf.cmd")).isEqualTo("""
                deps_config := \\
                	sub/Kconfig \\
                	Kconfig

                include/config/auto.conf: \\
                	$(deps_config)

                ifneq "$(FOO)" "foo"
                include/config/auto.conf: FORCE
                endif
                ifneq "$(BAR)" "bar"
                include/config/auto.conf: FORCE
                endif

                $(deps_config): ;
                """);
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("a.h", "auto.conf", "auto.conf.cmd",
                "b.h", "envv.h", "foo/bar.h", "h.h", "i.h", "modules.h", "s.h", "s2.h", "xadz.h", "xcce.h");
    }

    @Test
    void leavesAnExistingAutoconfAloneOutsideSyncconfig() throws IOException {
        ConfRun run = tree("6.12").file("include/config/auto.conf", "old\n");
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(r.read("include/config/auto.conf")).isEqualTo("old\n");
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("auto.conf");
        assertThat(Files.exists(r.dir().resolve("include/generated"))).isFalse();
    }

    @Test
    void honoursTheFileNamesFromTheEnvironment() {
        ConfRun.Result r = tree("6.12").env("KCONFIG_AUTOCONFIG", "o/cfg/ac").env("KCONFIG_AUTOHEADER", "o/h/ah")
                .env("KCONFIG_RUSTCCFG", "o/r/rc").run("--olddefconfig");
        assertThat(files(r.dir().resolve("o"))).contains("cfg/ac", "cfg/ac.cmd", "cfg/A", "h/ah", "r/rc");
        assertThat(r.read("o/cfg/ac.cmd")).startsWith("autoconfig := o/cfg/ac\n");
        assertThat(Files.exists(r.dir().resolve("include"))).isFalse();
    }

    /** 5.10 always writes include/config/auto.conf.cmd, naming the target after KCONFIG_AUTOCONFIG. */
    @Test
    void writesTheCmdFileOf510AtItsFixedPlace() {
        ConfRun.Result r = tree("5.10").env("KCONFIG_AUTOCONFIG", "o/cfg/ac").run("--olddefconfig");
        assertThat(files(r.dir().resolve("o"))).contains("cfg/ac", "cfg/a.h").doesNotContain("cfg/ac.cmd");
        assertThat(r.read("include/config/auto.conf.cmd")).contains("\no/cfg/ac: \\\n\t$(deps_config)\n");
    }

    private static final String CHANGE_TREE = """
            config MODULES
            	bool "m"
            	default y
            	MODKW
            config DEP
            	bool "dep"
            config S1
            	string "s1"
            config S2
            	string "s2"
            config S3
            	string "s3" if DEP
            config S4
            	string "s4"
            config S5
            	string "s5"
            config S6
            	string "s6"
            config S7
            	string "s7"
            config I1
            	int "i1"
            config I2
            	int "i2"
            config I3
            	int "i3" if DEP
            config H2
            	hex "h2"
            config T1
            	tristate "t1"
            config T2
            	tristate "t2"
            config T3
            	tristate "t3"
            config T5
            	tristate "t5" if DEP
            config B2
            	bool "b2"
            config B3
            	bool "b3"
            """;

    private static final String CHANGE_CONFIG = """
            CONFIG_MODULES=y
            CONFIG_S1="abc"
            CONFIG_S2=""
            CONFIG_S4="x\\"y"
            CONFIG_S5="p q"
            CONFIG_S6="a"
            CONFIG_S7="a"
            CONFIG_I1=5
            CONFIG_I2=7
            CONFIG_H2=10
            CONFIG_T1=m
            CONFIG_T2=y
            CONFIG_T3=m
            CONFIG_B2=y
            # CONFIG_DEP is not set
            # CONFIG_B3 is not set
            """;

    private static final String PREVIOUS_AUTOCONF = """
            CONFIG_S1="abc"
            CONFIG_S3=old
            CONFIG_S4=x"y
            CONFIG_S5=p q  \s
            CONFIG_S6=a"
            CONFIG_S7="a"\s
            CONFIG_I1=05
            CONFIG_I2=7
            # CONFIG_I3 is not set
            CONFIG_H2=0x10
            CONFIG_T1=M
            CONFIG_T2=1
            CONFIG_T3=mxyz
            # CONFIG_T5 is not set
            CONFIG_B2=m
            CONFIG_B3=m
            CONFIG_UNKNOWN=y
            CONFIG_UNK1=
            # CONFIG_UNK2 is not set
            CONFIG_S2=x
            CONFIG_S2=
            garbage line
            CONFIG_B1
            """;

    /** The input names every visible symbol: syncconfig has nothing to ask. */
    private static ConfRun.Result syncAgainstPrevious(String version) {
        String modules = version.equals("5.10") ? "option modules" : "modules";
        return ConfRun.tree(version, CHANGE_TREE.replace("MODKW", modules)).config(CHANGE_CONFIG)
                .file("include/config/auto.conf", PREVIOUS_AUTOCONF).run("--syncconfig");
    }

    @Test
    void touchesTheSymbolsThatChangedSinceThePreviousAutoconf612() {
        ConfRun.Result r = syncAgainstPrevious("6.12");
        assertThat(r.exit()).isZero();
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("B2", "H2", "I1", "MODULES", "S1", "S3",
                "S5", "S6", "S7", "T1", "T2", "T5", "UNK1", "UNK2", "UNKNOWN", "auto.conf", "auto.conf.cmd");
        assertThat(r.stderr()).contains("""
                include/config/auto.conf:21:warning: override: reassigning to symbol S2
                include/config/auto.conf:22:warning: unexpected data: garbage line
                include/config/auto.conf:23:warning: unexpected data: CONFIG_B1
                """);
    }

    @Test
    void touchesTheSymbolsThatChangedSinceThePreviousAutoconf61() {
        ConfRun.Result r = syncAgainstPrevious("6.1");
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("B2", "H2", "I1", "MODULES", "S1", "S3",
                "S5", "S6", "S7", "T1", "T2", "T5", "UNK1", "UNK2", "UNKNOWN", "auto.conf", "auto.conf.cmd");
        assertThat(r.stderr()).contains("""
                include/config/auto.conf:21:warning: override: reassigning to symbol S2
                include/config/auto.conf:22:warning: unexpected data: garbage line
                """).doesNotContain("CONFIG_B1");
    }

    /** 5.10's auto.conf quotes strings: unquoted ones in it do not count. */
    @Test
    void touchesTheSymbolsThatChangedSinceThePreviousAutoconf510() {
        ConfRun.Result r = syncAgainstPrevious("5.10");
        assertThat(files(r.dir().resolve("include/config"))).containsExactly("auto.conf", "auto.conf.cmd", "b2.h",
                "h2.h", "i1.h", "modules.h", "s2.h", "s4.h", "s5.h", "s6.h", "t1.h", "t2.h", "t5.h", "unk1.h",
                "unk2.h", "unknown.h");
        assertThat(r.stderr()).contains("include/config/auto.conf:22:warning: unexpected data: garbage line\n")
                .doesNotContain("override");
    }

    @Test
    void hashOrderUsesFnv1aBuckets() {
        assertThat(SymbolHashOrder.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(SymbolHashOrder.bucket("XADZ", SymbolHashOrder.buckets(Dialect.V6_12)))
                .isEqualTo(SymbolHashOrder.bucket("XCCE", 16384));
        assertThat(SymbolHashOrder.bucket("XAKT", SymbolHashOrder.buckets(Dialect.V6_1)))
                .isEqualTo(SymbolHashOrder.bucket("XAPD", 9973));
    }
}
