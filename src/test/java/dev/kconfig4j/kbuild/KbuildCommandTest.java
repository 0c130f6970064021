package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbuild map}, {@code kbuild check} and {@code localmodconfig} on a small Hyper-V-like tree. */
class KbuildCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("Kconfig", """
                config MODULES
                \tbool "modules"
                \tmodules
                \tdefault y
                config HV
                \ttristate "Hyper-V"
                config HV_NET
                \ttristate "Hyper-V network"
                \tdepends on HV
                config E1000E
                \ttristate "e1000e"
                """);
        write("Makefile", "libs-y := lib/\ninclude $(srctree)/arch/$(SRCARCH)/Makefile\n");
        write("arch/x86/Makefile", "");
        write("Kbuild", "obj-y += drivers/\n");
        write("drivers/Makefile", "obj-$(subst m,y,$(CONFIG_HV)) += hv/\nobj-$(CONFIG_HV_NET) += hv_netvsc.o\n"
                + "obj-$(CONFIG_E1000E) += e1000e.o\n");
        write("drivers/hv/Makefile", "obj-$(CONFIG_HV) += hv_vmbus.o\nobj-$(subst m,y,$(CONFIG_HV)) += hv_common.o\n"
                + "hv_vmbus-y := vmbus_drv.o\n");
        write(".config", "CONFIG_MODULES=y\nCONFIG_HV=m\nCONFIG_HV_NET=m\nCONFIG_E1000E=m\n");
        write("lsmod", "Module                  Size  Used by\nhv_netvsc 1 0\nhv_vmbus 2 1 hv_netvsc\nvboxsf 3 0\n");
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Cli.execute(new Cli.Context(Map.of("ARCH", "x86_64", "PATH", System.getenv("PATH")), dir, o, e,
                x -> null), args);
    }

    @Test
    void mapShowsWhatASymbolControlsAndTheConstructs() {
        assertThat(run("kbuild", "map", "--srctree", ".", "HV")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("forces built-in: drivers/Makefile:1: obj-$(subst m,y,$(CONFIG_HV)) += hv/",
                "forces built-in: drivers/hv/Makefile:2: obj-$(subst m,y,$(CONFIG_HV)) += hv_common.o",
                "drivers/hv/hv_vmbus.o", "module hv_vmbus when HV=m");
        out.reset();
        assertThat(run("kbuild", "map", "--srctree", ".", "--format", "json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"forcing\"", "\"location\" : \"drivers/Makefile:1\"");
    }

    @Test
    void checkReportsForcedCodeAndModules() {
        assertThat(run("kbuild", "check", "--srctree", ".", "--config", ".config")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("CONFIG_HV=m: drivers/hv/ built in by drivers/Makefile:1",
                "so built in: drivers/hv/hv_common.o", "hv_vmbus                         CONFIG_HV  (drivers/hv/Makefile:1)",
                "e1000e");
        out.reset();
        assertThat(run("kbuild", "check", "--srctree", ".", "--config", ".config", "--format", "json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"builtAs\" : \"built-in\"", "\"hv_netvsc\"");
    }

    @Test
    void checkShowsModulesDerivedThroughSelectsAndSymbolsWithoutModule() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), Files.readString(dir.resolve("Kconfig"))
                + "config NIC_BUNDLE\n\ttristate \"bundle\"\n\tselect E1000E\nconfig NIC_MENU\n\ttristate \"menu\"\n");
        write("bundle.config", "CONFIG_MODULES=y\nCONFIG_NIC_BUNDLE=m\nCONFIG_NIC_MENU=m\n");
        assertThat(run("kbuild", "check", "--srctree", ".", "--config", "bundle.config")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "=m symbols with no module of their own, and the modules they derive (1):\n"
                + "  CONFIG_NIC_BUNDLE: e1000e via select NIC_BUNDLE -> E1000E (Kconfig:14), built by E1000E"
                + " (drivers/Makefile:3)\n",
                "=m symbols that produce no module (1):\n  CONFIG_NIC_MENU\n");
        out.reset();
        assertThat(run("kbuild", "check", "--srctree", ".", "--config", "bundle.config", "--format", "json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"derivedModules\" : {\n    \"NIC_BUNDLE\" : [ {",
                "\"kind\" : \"SELECTED\"", "\"selector\" : \"NIC_BUNDLE\"", "\"location\" : \"Kconfig:14\"",
                "\"modularSymbolsWithoutModule\" : [ \"NIC_MENU\" ]");
    }

    @Test
    void localmodconfigWritesANewConfigAndLeavesTheInputAlone() throws IOException {
        String before = Files.readString(dir.resolve(".config"));
        assertThat(run("localmodconfig", "--srctree", ".", "--config", ".config", "--lsmod", "lsmod",
                "--output", "new.config")).isZero();
        assertThat(Files.readString(dir.resolve(".config"))).isEqualTo(before);
        String result = Files.readString(dir.resolve("new.config"));
        // hv_netvsc keeps HV_NET and, through its depends on, HV; nothing loaded keeps E1000E.
        assertThat(result).contains("CONFIG_HV=m", "CONFIG_HV_NET=m", "# CONFIG_E1000E is not set");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("localmodconfig: vboxsf config not found!",
                "localmodconfig: 3 modules loaded, 2 =m symbols kept, 1 turned off");
    }

    @Test
    void localyesconfigBuildsTheKeptModulesIn() throws IOException {
        assertThat(run("localyesconfig", "--srctree", ".", "--config", ".config", "--lsmod", "lsmod",
                "--output", "new.config")).isZero();
        assertThat(Files.readString(dir.resolve("new.config"))).contains("CONFIG_HV=y", "CONFIG_HV_NET=y",
                "# CONFIG_E1000E is not set");
    }

    @Test
    void localmodconfigLeavesAConfigTheScriptDoesNotChangeAsItIs() throws IOException {
        write("odd.config", "CONFIG_MODULES=y\nCONFIG_HV=m\nCONFIG_HV_NET=m\n# CONFIG_IKCONFIG is set\n");
        write("all.lsmod", "Module Size Used by\nhv_netvsc 1 0\n");
        assertThat(run("localmodconfig", "--srctree", ".", "--config", "odd.config", "--lsmod", "all.lsmod",
                "--output", "new.config")).isZero();
        assertThat(Files.readString(dir.resolve("new.config"))).isEqualTo(Files.readString(dir.resolve("odd.config")));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("(config unchanged)");
    }

    @Test
    void badInputIsOneLineAndExitOne() throws IOException {
        assertThat(run("kbuild", "check", "--srctree", ".", "--config", "missing.config")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("missing.config: no such file\n");
        err.reset();
        write("bad.lsmod", "Module Size Used by\n!!! 1 0\n");
        assertThat(run("localmodconfig", "--srctree", ".", "--config", ".config", "--lsmod", "bad.lsmod")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bad.lsmod:2:");
        err.reset();
        assertThat(run("kbuild", "map", "--srctree", "nowhere")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a kernel tree");
        assertThat(run("kbuild", "map", "--srctree", ".", "--format", "yaml")).isEqualTo(2);
    }
}
