package dev.kconfig4j.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.cli.Cli;
import dev.kconfig4j.conformance.ConformanceTest;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hyper-V split as it really shipped: Debian's 6.12 cloud config ({@code CONFIG_HYPERV=m})
 * carried to the Linux 7.3 tree, where HYPERV is bool and HYPERV_VMBUS ({@code default HYPERV})
 * gates every Hyper-V driver. The kernel's own conf-7.3 silently drops them all; the guard must
 * say so first, with the kernel-image change and a verified fix, and write the kernel's config.
 */
class DebianHypervSplitTest {
    private static final String CASE = "7.3/x86/upgrade-olddefconfig-debian-6.12-cloud-amd64";
    private static Path shared;
    private static Path newSrc;
    private static Path oldSrc;
    private static Kconfig newTree;
    private static Kconfig oldTree;
    private static Map<String, String> environment;

    @BeforeAll
    static void load() throws IOException {
        shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, CASE);
        newSrc = shared.resolve("corpus/linux-7.3").toRealPath();
        oldSrc = shared.resolve("corpus/linux-6.12").toRealPath();
        // The golden environment of the case (PAHOLE_VERSION=9999, RUSTC_VERSION_TEXT= empty,
        // the dummy tools), for both trees: each gets KERNELVERSION from its own Makefile.
        environment = c.environment(newSrc, Files.createTempDirectory("kconfig4j-hyperv-split-"));
        newTree = DebianUpgradeTestTrees.tree(shared, CASE);
        oldTree = DebianUpgradeTestTrees.tree(shared, "6.12/x86/olddefconfig-debian-6.12-cloud-amd64");
    }

    /** Runs the CLI on the two trees loaded once; returns the exit status and standard output. */
    private static Object[] upgrade(Path dir, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("upgrade", "--config",
                shared.resolve("corpus/configs/debian-6.12-cloud-amd64.config").toString(), "--srctree", newSrc.toString(),
                "--old-srctree", oldSrc.toString(), "--arch", "x86"));
        args.addAll(List.of(extra));
        int rc = Cli.execute(new Cli.Context(environment, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> o.srctree().equals(newSrc) ? newTree : o.srctree().equals(oldSrc) ? oldTree : null),
                args.toArray(String[]::new));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception");
        return new Object[] {rc, out.toString(StandardCharsets.UTF_8)};
    }

    private static JsonNode finding(JsonNode findings, String symbol) {
        for (JsonNode f : findings) {
            if (f.get("symbol").asText().equals(symbol)) {
                return f;
            }
            JsonNode below = finding(f.get("consequences"), symbol);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static List<String> symbols(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.get("symbol").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isObject() ? n.get("object").asText() : n.asText()));
        return out;
    }

    @Test
    void hypervIsTheRootCauseWithTheKernelImageChangeAndAVerifiedFix(@TempDir Path tmp) throws IOException {
        Object[] run = upgrade(tmp, "--format", "json", "--write", "new.config", "--write-fixed", "fixed.config");
        assertThat(run[0]).as("exit status: options the user chose are lost").isEqualTo(3);
        JsonNode report = new ObjectMapper().readTree((String) run[1]);

        // The written config is the kernel's, byte for byte.
        byte[] expected = ConformanceTest.gunzip(shared.resolve("golden/" + CASE + "/expected.config.gz"));
        assertThat(Files.readAllBytes(tmp.resolve("new.config"))).isEqualTo(expected);

        JsonNode hyperv = finding(report.get("findings"), "HYPERV");
        assertThat(symbols(report.get("findings"))).contains("HYPERV");
        assertThat(hyperv.get("kind").asText()).isEqualTo("LOST");
        assertThat(hyperv.get("class").asText()).isEqualTo("OPTION_LOST");
        assertThat(hyperv.get("cause").get("kind").asText()).isEqualTo("TYPE_CHANGED");
        assertThat(hyperv.get("cause").get("text").asText()).contains("HYPERV is bool in the new tree (it was tristate)");
        JsonNode vmbus = finding(hyperv.get("consequences"), "HYPERV_VMBUS");
        assertThat(vmbus.get("kind").asText()).isEqualTo("NEW");
        assertThat(vmbus.get("cause").get("text").asText()).startsWith("new gate: ")
                .contains("it is n because it depends on HYPERV [=n]");
        assertThat(symbols(vmbus.get("consequences"))).contains("HYPERV_STORAGE", "HYPERV_NET", "HYPERV_KEYBOARD",
                "HID_HYPERV_MOUSE", "HYPERV_UTILS", "HYPERV_BALLOON", "HYPERV_VSOCKETS", "PCI_HYPERV");
        assertThat(finding(finding(vmbus.get("consequences"), "PCI_HYPERV").get("consequences"), "MICROSOFT_MANA"))
                .isNotNull();

        // The kernel image: Hyper-V's core leaves vmlinux, its modules are no longer built.
        JsonNode change = hyperv.get("kernelImage").get("change");
        assertThat(texts(change.get("leaving"))).contains("arch/x86/hyperv/hv_init.o", "drivers/hv/hv_common.o");
        assertThat(texts(change.get("modulesRemoved"))).contains("hv_vmbus", "hv_utils", "hv_balloon");
        assertThat(texts(report.get("kernelImage").get("change").get("leaving")))
                .allMatch(o -> o.startsWith("arch/x86/hyperv/") || o.startsWith("drivers/hv/"));

        // The fix: one line, verified; with it the bus comes back (built in: its default is HYPERV)
        // and every Hyper-V driver as it was.
        assertThat(texts(hyperv.get("fix").get("lines"))).containsExactly("CONFIG_HYPERV=y");
        assertThat(hyperv.get("fix").get("verified").asBoolean()).isTrue();
        String fixed = Files.readString(tmp.resolve("fixed.config"), StandardCharsets.ISO_8859_1);
        assertThat(fixed).contains("CONFIG_HYPERV=y\n", "CONFIG_HYPERV_VMBUS=y\n", "CONFIG_HYPERV_STORAGE=m\n",
                "CONFIG_HYPERV_NET=m\n", "CONFIG_HYPERV_UTILS=m\n", "CONFIG_HYPERV_BALLOON=m\n", "CONFIG_PCI_HYPERV=m\n",
                "CONFIG_MICROSOFT_MANA=m\n");

        // Every finding names its class; the toolchain's values and removed helpers are not losses.
        assertThat(((String) run[1]).split("\"class\"", -1).length - 1)
                .isEqualTo(((String) run[1]).split("\"kind\" : \"(LOST|DEMOTED|PROMOTED|CHANGED|DROPPED|NEW)\"", -1).length - 1);
        assertThat(finding(report.get("findings"), "CC_VERSION_TEXT").get("class").asText()).isEqualTo("TOOLCHAIN");
        assertThat(finding(report.get("findings"), "TOOLS_SUPPORT_RELR").get("class").asText()).isEqualTo("TOOLCHAIN");
        assertThat(finding(report.get("findings"), "AS_AVX512").get("class").asText()).isEqualTo("TOOLCHAIN");
        assertThat(finding(report.get("findings"), "X86_64_SMP").get("class").asText()).isEqualTo("HELPER");

        // Fixes restore options the user chose: no subsystem the cloud config has off is turned
        // on to bring back a helper nothing chosen needs.
        List<String> combined = texts(report.get("fix").get("lines"));
        assertThat(combined).contains("CONFIG_HYPERV=y").noneMatch(l -> l.matches(
                "CONFIG_(SOUND|SND|SND_SOC|KUNIT|CRC_ENABLE_ALL_FOR_KUNIT|SCHED_TRACER|ISA_DMA_API|FB_SAVAGE|CPUSETS_V1)=.*"));
        for (String helper : List.of("CRC7", "FB_IOMEM_HELPERS_DEFERRED")) {
            JsonNode h = finding(report.get("findings"), helper);
            assertThat(h.get("class").asText()).isEqualTo("HELPER");
            assertThat(h.get("cause").get("text").asText()).contains("no option you chose needs it any more");
        }
    }

    @Test
    void theHypervRootCauseIsOnTheFirstScreen(@TempDir Path tmp) {
        Object[] run = upgrade(tmp);
        assertThat(run[0]).isEqualTo(3);
        List<String> lines = ((String) run[1]).lines().toList();
        List<String> screen = lines.subList(0, 24);
        assertThat(screen).anyMatch(l -> l.trim().startsWith("HYPERV (LOST, TYPE_CHANGED): 13 options you chose,"
                + " 9 objects leave vmlinux, 3 modules no longer built"));
        int root = lines.indexOf("LOST    HYPERV  m -> n   (line 3605)");
        assertThat(root).isPositive().isLessThan(lines.indexOf("The rest, by class (--verbose lists each):"));
        // The toolchain's values are counted at the end, not listed before the losses.
        assertThat(lines.subList(0, root)).noneMatch(l -> l.contains("CC_VERSION_TEXT") || l.contains("AS_AVX512"));
    }
}
