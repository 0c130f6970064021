package dev.kconfig4j.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade report's kernel-image annotations, read off the trees' Makefiles. */
class KernelImageTest {
    private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n";

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A miniature of the Hyper-V split with the real trees' Makefile constructs. */
    private static void hyperv(Path old, Path now) throws IOException {
        write(old, "Kconfig", MODULES + "config HYPERV\n\ttristate \"Hyper-V\"\n"
                + "config HYPERV_UTILS\n\ttristate \"utils\"\n\tdepends on HYPERV\n");
        write(now, "Kconfig", MODULES + "config HYPERV\n\tbool \"Hyper-V\"\n"
                + "config HYPERV_VMBUS\n\ttristate \"VMBus\"\n\tdepends on HYPERV\n"
                + "config HYPERV_UTILS\n\ttristate \"utils\"\n\tdepends on HYPERV_VMBUS\n");
        for (Path t : new Path[] {old, now}) {
            write(t, "Makefile", "export ARCH SRCARCH\ninclude $(srctree)/arch/$(SRCARCH)/Makefile\n");
            write(t, "Kbuild", "obj-y += arch/$(SRCARCH)/\nobj-y += drivers/\n");
            write(t, "arch/x86/Makefile", "# flags only\n");
            write(t, "arch/x86/Kbuild", "obj-y += kernel/\n\n# Hyper-V\nobj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/\n");
            write(t, "arch/x86/kernel/Makefile", "obj-y += setup.o\n");
            write(t, "arch/x86/hyperv/Makefile", "obj-y := hv_init.o mmu.o\n");
            write(t, "drivers/Makefile", "obj-$(subst m,y,$(CONFIG_HYPERV)) += hv/\n");
        }
        write(old, "drivers/hv/Makefile", "obj-$(CONFIG_HYPERV) += hv_vmbus.o\nobj-$(CONFIG_HYPERV_UTILS) += hv_utils.o\n"
                + "obj-$(subst m,y,$(CONFIG_HYPERV)) += hv_common.o\n");
        write(now, "drivers/hv/Makefile", "obj-$(CONFIG_HYPERV_VMBUS) += hv_vmbus.o\n"
                + "obj-$(CONFIG_HYPERV_UTILS) += hv_utils.o\nobj-$(subst m,y,$(CONFIG_HYPERV)) += hv_common.o\n");
    }

    private static Kconfig load(Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin"), dir), quiet, quiet);
    }

    private static UpgradeReport upgrade(Path old, Path now, String config, KernelImage.Mode mode) {
        Kconfig o = load(old);
        Kconfig n = load(now);
        return KernelImage.annotate(new UpgradeGuard(n, o).analyze("old.config", config), o, n, "old.config", config,
                "x86_64", mode);
    }

    @Test
    void hypervBecomingBoolTakesItsForcedCodeOutOfVmlinux(@TempDir Path tmp) throws IOException {
        Path old = tmp.resolve("old");
        Path now = tmp.resolve("new");
        hyperv(old, now);
        String config = "CONFIG_MODULES=y\nCONFIG_HYPERV=m\nCONFIG_HYPERV_UTILS=m\n";
        for (KernelImage.Mode mode : new KernelImage.Mode[] {KernelImage.Mode.AUTO, KernelImage.Mode.FULL}) {
            UpgradeReport r = upgrade(old, now, config, mode);
            Finding hv = UpgradeGuardTest.find(r, "HYPERV");
            assertThat(hv.kind()).isEqualTo(Finding.Kind.LOST);
            assertThat(hv.kernelImage()).as(mode.name()).isNotNull();
            assertThat(hv.kernelImage().constructs()).extracting(KernelImage.Construct::location)
                    .contains("arch/x86/Kbuild:4", "drivers/Makefile:1", "drivers/hv/Makefile:3");
            KernelImage.Change c = hv.kernelImage().change();
            assertThat(c.leaving()).extracting(KernelImage.Moved::object)
                    .containsExactlyInAnyOrder("arch/x86/hyperv/hv_init.o", "arch/x86/hyperv/mmu.o", "drivers/hv/hv_common.o");
            assertThat(c.leaving().get(0).via()).isEqualTo("arch/x86/Kbuild:4 obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/");
            assertThat(c.entering()).isEmpty();
            assertThat(c.modulesRemoved()).containsExactlyInAnyOrder("hv_vmbus", "hv_utils");
            // Objects that do not depend on the findings are not reported, however the trees differ.
            assertThat(r.kernelImage().change().leaving()).extracting(KernelImage.Moved::object)
                    .doesNotContain("arch/x86/kernel/setup.o");

            String text = ReportFormat.TEXT.render(r, false);
            assertThat(text).contains("kernel image: HYPERV controls code Kbuild builds in when it is m: "
                    + "arch/x86/Kbuild:4 obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/");
            assertThat(text).contains("arch/x86/hyperv/hv_init.o mmu.o leave vmlinux "
                    + "(arch/x86/Kbuild:4 obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/)");
            assertThat(ReportFormat.MARKDOWN.render(r, false)).contains("kernel image change: `arch/x86/hyperv/hv_init.o");
            assertThat(ReportFormat.JUNIT.render(r, false)).contains("kernel image change: drivers/hv/hv_common.o leaves vmlinux");
            assertThat(ReportFormat.JSON.render(r, false)).contains("\"kernelImage\"", "\"via\" : \"drivers/hv/Makefile:3");
        }
    }

    @Test
    void aTypeChangeThatKeepsTheValueStillMovesModuleCodeIntoVmlinux(@TempDir Path tmp) throws IOException {
        Path old = tmp.resolve("old");
        Path now = tmp.resolve("new");
        hyperv(old, now);
        // HYPERV=m in a tristate world, HYPERV=y in the bool one (the fix): hv_vmbus stays a module
        // (HYPERV_VMBUS=m), the forced code stays in; only the type changed.
        UpgradeReport r = upgrade(old, now, "CONFIG_MODULES=y\nCONFIG_HYPERV=m\nCONFIG_HYPERV=y\n", KernelImage.Mode.AUTO);
        assertThat(r.kernelImage()).isNotNull();
        Path tristateOnly = tmp.resolve("bool-y");
        write(tristateOnly, "Kconfig", MODULES + "config HYPERV\n\tbool \"Hyper-V\"\n\tdefault y\n");
        for (String f : new String[] {"Makefile", "Kbuild", "arch/x86/Makefile", "arch/x86/Kbuild",
            "arch/x86/kernel/Makefile", "arch/x86/hyperv/Makefile", "drivers/Makefile", "drivers/hv/Makefile"}) {
            write(tristateOnly, f, Files.readString(old.resolve(f)));
        }
        UpgradeReport promoted = upgrade(old, tristateOnly, "CONFIG_MODULES=y\nCONFIG_HYPERV=m\n", KernelImage.Mode.AUTO);
        Finding hv = UpgradeGuardTest.find(promoted, "HYPERV");
        assertThat(hv.kind()).isEqualTo(Finding.Kind.PROMOTED);
        assertThat(hv.kernelImage()).isNotNull();
        assertThat(hv.kernelImage().change().entering()).extracting(KernelImage.Moved::object)
                .containsExactly("drivers/hv/hv_vmbus.o");
        assertThat(hv.kernelImage().change().modulesRemoved()).containsExactly("hv_vmbus");
        assertThat(hv.kernelImage().change().leaving()).isEmpty();
    }

    @Test
    void treesWithoutMakefilesGetNoSectionAndOffReadsNothing(@TempDir Path tmp) throws IOException {
        Path old = tmp.resolve("old");
        Path now = tmp.resolve("new");
        write(old, "Kconfig", MODULES + "config HYPERV\n\ttristate \"Hyper-V\"\n");
        write(now, "Kconfig", MODULES + "config HYPERV\n\tbool \"Hyper-V\"\n");
        UpgradeReport r = upgrade(old, now, "CONFIG_MODULES=y\nCONFIG_HYPERV=m\n", KernelImage.Mode.AUTO);
        assertThat(r.kernelImage()).isNull();
        assertThat(UpgradeGuardTest.find(r, "HYPERV").kernelImage()).isNull();
        assertThat(ReportFormat.JSON.render(r, false)).doesNotContain("kernelImage");

        Path o2 = tmp.resolve("o2");
        Path n2 = tmp.resolve("n2");
        hyperv(o2, n2);
        assertThat(upgrade(o2, n2, "CONFIG_MODULES=y\nCONFIG_HYPERV=m\n", KernelImage.Mode.OFF).kernelImage()).isNull();
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = Cli.execute(new Cli.Context(Map.of("ARCH", "x86_64", "PATH", System.getenv("PATH")),
                Path.of("").toAbsolutePath(), o, new PrintStream(OutputStream.nullOutputStream()), x -> null), args);
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The README's command on examples/hyperv: the finding says what leaves vmlinux, with file:line. */
    @Test
    void theReadmeExampleShowsTheKernelImageChange() {
        for (String variant : new String[] {"new", "new-default"}) {
            String text = cli("upgrade", "--config", "examples/hyperv/old.config", "--srctree", "examples/hyperv/" + variant,
                    "--old-srctree", "examples/hyperv/old", "--fail-on", "never");
            assertThat(text).contains("LOST    HYPERV  m -> n", "fix (verified)",
                    "kernel image: HYPERV controls code Kbuild builds in when it is m: "
                            + "arch/x86/Kbuild:16 obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/ (old tree)",
                    "arch/x86/hyperv/hv_init.o mmu.o nested.o irqdomain.o ivm.o leave vmlinux "
                            + "(arch/x86/Kbuild:16 obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/)",
                    "modules no longer built: hv_balloon hv_utils hv_vmbus");
            String off = cli("upgrade", "--config", "examples/hyperv/old.config", "--srctree", "examples/hyperv/" + variant,
                    "--old-srctree", "examples/hyperv/old", "--fail-on", "never", "--kbuild=off");
            assertThat(off).doesNotContain("kernel image", "Kernel image").contains("LOST    HYPERV  m -> n");
            // Without the Makefiles' part, the report is what it was before.
            assertThat(text.replaceAll("(?m)^ *kernel image.*\\n|^ +(\\S+\\.o|modules) .*\\n", "")
                    .replaceAll("\\nKernel image[^\\n]*\\n(  [^\\n]*\\n)*", "")
                    .replaceAll(", \\d+ objects? leaves? vmlinux|, \\d+ modules? no longer built", "")).isEqualTo(off);
        }
    }

    /**
     * Debian 6.1 cloud -> 6.12: HYPERV stays tristate (=m) in 6.12, so its forced code stays; the
     * findings' symbols with object-listing conditionals in the Makefiles (checked by hand: none
     * builds code against its value for this config) give an empty section, read from a few
     * dozen directories only.
     */
    @Test
    void debianCloudUpgradeMovesNothingThroughForcedCode() throws IOException {
        Path shared = GoldenCase.requireShared();
        Kconfig o = DebianUpgradeTestTrees.tree(shared, "6.1/x86/olddefconfig-debian-6.1-amd64");
        Kconfig n = DebianUpgradeTestTrees.tree(shared, "6.12/x86/upgrade-olddefconfig-debian-6.1-amd64");
        String input = Files.readString(shared.resolve("corpus/configs/debian-6.1-cloud-amd64.config"),
                StandardCharsets.ISO_8859_1);
        UpgradeReport r = KernelImage.annotate(new UpgradeGuard(n, o).analyze(".config", input), o, n, ".config", input,
                "x86", KernelImage.Mode.AUTO);
        assertThat(r.kernelImage()).isNotNull();
        assertThat(r.kernelImage().symbols()).isEmpty();
        assertThat(r.kernelImage().change().isEmpty()).isTrue();
        assertThat(r.allFindings()).allMatch(f -> f.kernelImage() == null);
        assertThat(r.kernelImage().directoriesWalked()).isLessThan(200);
        assertThat(r.findings()).noneMatch(f -> f.symbol().equals("HYPERV"));
    }
}
