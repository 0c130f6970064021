package dev.kconfig4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.Ranking;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The session on real data: Debian's 6.12 amd64 config in the 6.12 x86 tree (edit, enable, save:
 * the kernel's conf keeps the saved file as it is), and Debian's 6.12 cloud config reviewed in the
 * 7.3 tree (HYPERV is lost; its fix brings it back).
 */
public class DebianSessionTest {
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
        String text = Files.readString(config, StandardCharsets.ISO_8859_1);

        // A change with its consequences and its page, against a plain olddefconfig evaluation of
        // the same config measured alongside (absolute times depend on the machine's load).
        int page = pageOf(s, "USB_STORAGE");
        long[] times = new long[20];
        long[] evaluations = new long[20];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            Change c = s.set("USB_STORAGE", i % 2 == 0 ? "n" : "m");
            s.page(page, false);
            times[i] = System.nanoTime() - t0;
            assertThat(c.values()).first().extracting(Change.ValueChange::symbol).isEqualTo("USB_STORAGE");
            long t1 = System.nanoTime();
            ConfigReader.load(l.tree(), ".config", text).configuration();
            evaluations[i] = System.nanoTime() - t1;
        }
        Arrays.sort(times);
        Arrays.sort(evaluations);
        long change = times[times.length / 2] / 1_000_000;
        long evaluation = evaluations[evaluations.length / 2] / 1_000_000;
        System.out.println("session: a change and its page on Debian 6.12 amd64: median " + change
                + " ms; a plain olddefconfig evaluation: median " + evaluation + " ms");
        assertThat(change).as("median ms per change, against %d ms per evaluation", evaluation)
                .isLessThan(Math.max(4 * evaluation, 20));

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
        UpgradeReview review = s.upgradeReview();
        UpgradeReport r = review.report();

        // In the report's order: the roots that take options the user chose, the largest first
        // (the new NETFILTER_XTABLES_LEGACY gate takes 25 of them, HYPERV 13), each with its fix.
        assertThat(review.lost()).extracting(UpgradeReview.Root::finding)
                .containsExactlyElementsOf(Ranking.in(r, Ranking.Section.OPTIONS_LOST));
        assertThat(review.changed()).extracting(UpgradeReview.Root::finding)
                .containsExactlyElementsOf(Ranking.in(r, Ranking.Section.OPTIONS_CHANGED));
        assertThat(review.lost()).extracting(x -> x.finding().symbol()).startsWith("NETFILTER_XTABLES_LEGACY", "HYPERV");
        assertThat(review.lost()).extracting(x -> x.weight().optionsLost()).isSortedAccordingTo(Comparator.reverseOrder());
        UpgradeReview.Root hypervRoot = review.lost().get(1);
        assertThat(hypervRoot.takes()).isEqualTo("13 options you chose");
        Finding hyperv = hypervRoot.finding();
        assertThat(hyperv.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(hyperv.fix().verified()).isTrue();
        assertThat(hyperv.fix().lines()).containsExactly("CONFIG_HYPERV=y");

        // Values the toolchain decides are not lost options: they are counted in their class.
        List<String> inLost = review.lost().stream().flatMap(x -> cascade(x.finding()).stream())
                .map(Finding::symbol).toList();
        assertThat(inLost).doesNotContain("GCC_ASM_GOTO_OUTPUT_BROKEN", "TOOLS_SUPPORT_RELR");
        UpgradeReview.RestClass toolchain = review.rest().stream()
                .filter(c -> c.category() == Finding.Category.TOOLCHAIN).findFirst().orElseThrow();
        assertThat(toolchain.findings()).extracting(Finding::symbol)
                .contains("GCC_ASM_GOTO_OUTPUT_BROKEN", "TOOLS_SUPPORT_RELR");
        assertThat(review.rest()).extracting(UpgradeReview.RestClass::category)
                .containsSubsequence(Finding.Category.TOOLCHAIN, Finding.Category.HELPER, Finding.Category.NEW_DEFAULT);
        assertThat(review.summary()).startsWith("45 options you chose lost (in 7 root causes)");
        assertThat(s.configuration().tristate(l.tree().symbols().find("HYPERV")).text()).isEqualTo("n");
        Change c = s.applyFix("HYPERV");
        assertThat(c.values()).extracting(Change.ValueChange::symbol).contains("HYPERV");
        assertThat(s.configuration().tristate(l.tree().symbols().find("HYPERV")).text()).isNotEqualTo("n");
        s.save();
        assertUnchangedByKernel(l, "conf-7.3");
    }

    private static List<Finding> cascade(Finding f) {
        List<Finding> out = new java.util.ArrayList<>(List.of(f));
        f.consequences().forEach(c -> out.addAll(cascade(c)));
        return out;
    }

    /** The kernel's conf --olddefconfig, in the golden environment, leaves the saved .config as it is. */
    static void assertUnchangedByKernel(Loaded l, String conf) throws Exception {
        assertUnchangedByKernel(l.out(), l.env(), conf);
    }

    /**
     * The kernel's {@code conf} (from $KCONFIG4J_ORACLE, else /tmp/oracle) run with {@code
     * --olddefconfig} in {@code out} with the golden environment {@code env} leaves
     * {@code out/.config} as it is (not checked, with a line, without the oracle).
     */
    public static void assertUnchangedByKernel(Path out, Map<String, String> env, String conf) throws Exception {
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), conf);
        if (!Files.isExecutable(oracle)) {
            System.out.println("no oracle " + oracle + ": the saved file is not checked against the kernel's conf");
            return;
        }
        Path config = out.resolve(".config");
        String saved = Files.readString(config, StandardCharsets.ISO_8859_1);
        ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig")
                .directory(out.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(config, StandardCharsets.ISO_8859_1)).isEqualTo(saved);
    }
}
