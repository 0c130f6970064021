package dev.kconfig4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The session on real data: Debian's 6.12 amd64 config in the 6.12 x86 tree (edit, enable, save:
 * the kernel's conf keeps the saved file as it is), and Debian's 6.12 cloud config reviewed in the
 * 7.3 tree (HYPERV is lost; its fix brings it back).
 */
class DebianSessionTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** The tree of a golden case, loaded in that case's environment, and the environment. */
    record Loaded(Kconfig tree, Map<String, String> env, Path out) {
    }

    static Loaded load(String caseId) throws IOException {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, caseId);
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-session-");
        Map<String, String> env = c.environment(srctree, out);
        return new Loaded(Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", env, out), QUIET, QUIET), env, out);
    }

    @Test
    void editingDebiansConfigIsFastAndSavesWhatTheKernelKeeps() throws Exception {
        Loaded l = load("6.12/x86/olddefconfig-debian-6.12-amd64");
        Path shared = GoldenCase.sharedDir();
        Path config = l.out().resolve(".config");
        Files.copy(shared.resolve("corpus/configs/debian-6.12-amd64.config"), config);
        ConfigSession s = ConfigSession.open(l.tree(), config);

        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            Change c = s.set("USB_STORAGE", i % 2 == 0 ? "n" : "m");
            s.page(s.entryOf("USB_STORAGE") == 0 ? 0 : pageOf(s, "USB_STORAGE"), false);
            times[i] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(c.values()).first().extracting(Change.ValueChange::symbol).isEqualTo("USB_STORAGE");
        }
        Arrays.sort(times);
        System.out.println("session: a change and its page on Debian 6.12 amd64: median " + times[times.length / 2]
                + " ms, worst " + times[times.length - 1] + " ms");
        assertThat(times[times.length / 2]).as("median ms per change").isLessThan(250);

        EnablePlan plan = s.enable(List.of("BTRFS_DEBUG"));
        assertThat(plan.solved()).isTrue();
        s.apply(plan);
        assertThat(s.configuration().tristate(l.tree().symbols().find("BTRFS_DEBUG")).text()).isEqualTo("y");
        assertThat(s.save().changed()).isTrue();
        assertThat(config.resolveSibling(".config.old")).exists();
        assertUnchangedByKernel(l, "conf-6.12");
    }

    private static int pageOf(ConfigSession s, String symbol) {
        return s.search(new SearchQuery("^" + symbol + "$", true, java.util.EnumSet.of(SearchQuery.Field.NAME),
                false, false, false, null, 1)).get(0).page();
    }

    @Test
    void theUpgradeReviewOfDebiansCloudConfigFindsHypervLostAndItsFixRestoresIt() throws Exception {
        Loaded l = load("7.3/x86/olddefconfig-debian-7.3-cloud-amd64");
        Path shared = GoldenCase.sharedDir();
        String old = Files.readString(shared.resolve("corpus/configs/debian-6.12-cloud-amd64.config"),
                StandardCharsets.ISO_8859_1);
        Path config = l.out().resolve(".config");
        ConfigSession s = new ConfigSession(l.tree(), config, old);
        s.reviewUpgradeOf("debian-6.12-cloud-amd64.config", old, null);
        UpgradeReport r = s.upgradeReview();
        Finding hyperv = r.allFindings().stream().filter(f -> f.symbol().equals("HYPERV")).findFirst().orElseThrow();
        assertThat(hyperv.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(hyperv.fix().verified()).isTrue();
        assertThat(s.configuration().tristate(l.tree().symbols().find("HYPERV")).text()).isEqualTo("n");
        Change c = s.applyFix("HYPERV");
        assertThat(c.values()).extracting(Change.ValueChange::symbol).contains("HYPERV");
        assertThat(s.configuration().tristate(l.tree().symbols().find("HYPERV")).text()).isNotEqualTo("n");
        s.save();
        assertUnchangedByKernel(l, "conf-7.3");
    }

    /** The kernel's conf --olddefconfig, in the golden environment, leaves the saved .config as it is. */
    static void assertUnchangedByKernel(Loaded l, String conf) throws Exception {
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), conf);
        if (!Files.isExecutable(oracle)) {
            System.out.println("no oracle " + oracle + ": the saved file is not checked against the kernel's conf");
            return;
        }
        Path config = l.out().resolve(".config");
        byte[] saved = Files.readAllBytes(config);
        ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig")
                .directory(l.out().toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(l.env());
        pb.environment().put("srctree", l.tree().options().srctree().toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(saved, StandardCharsets.ISO_8859_1));
    }
}
