package dev.kconfig4j.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.conformance.ConformanceTest;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The upgrade guard on real data: Debian 12's 6.1 amd64 configs carried to the 6.12 tree, and
 * Debian 11's 5.10 configs carried to the 6.1 tree. The computed config must equal the kernel's
 * (the golden upgrade cases), and every difference between the input and the output must be
 * explained by a finding with a specific cause.
 */
class DebianUpgradeTest {
    private static Path shared;
    private static Kconfig tree612;
    private static Kconfig tree61;
    private static Kconfig tree510;
    private static Kconfig newTree;

    @BeforeAll
    static void load() throws IOException {
        shared = GoldenCase.requireShared();
        tree612 = tree("6.12/x86/upgrade-olddefconfig-debian-6.1-amd64");
        tree61 = tree("6.1/x86/olddefconfig-debian-6.1-amd64");
        tree510 = tree("5.10/x86/olddefconfig-debian-5.10-amd64");
    }

    private static Kconfig tree(String caseId) throws IOException {
        GoldenCase c = GoldenCase.byId(shared, caseId);
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-debian-");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1 amd64", "6.1 cloud-amd64", "6.1 rt_amd64", "5.10 amd64", "5.10 cloud-amd64",
        "5.10 rt_amd64"})
    void everyDifferenceIsExplainedAndTheConfigIsTheKernels(String upgrade) throws IOException {
        String from = upgrade.split(" ")[0];
        String flavour = upgrade.split(" ")[1];
        String to = from.equals("6.1") ? "6.12" : "6.1";
        newTree = to.equals("6.12") ? tree612 : tree61;
        Kconfig oldTree = from.equals("6.1") ? tree61 : tree510;
        String input = Files.readString(shared.resolve("corpus/configs/debian-" + from + "-" + flavour + ".config"),
                StandardCharsets.ISO_8859_1);
        UpgradeGuard guard = new UpgradeGuard(newTree, oldTree);
        String computed = guard.newConfig(".config", input);
        byte[] expected = ConformanceTest.gunzip(shared.resolve("golden/" + to + "/x86/upgrade-olddefconfig-debian-"
                + from + "-" + flavour + "/expected.config.gz"));
        assertThat(computed).isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));

        UpgradeReport report = guard.analyze(".config", input);
        Map<String, Finding> explained = new HashMap<>();
        for (Finding f : report.allFindings()) {
            explained.put(f.symbol(), f);
        }
        Map<String, String> before = values(input);
        Map<String, String> after = values(computed);
        Set<String> differing = new TreeSet<>();
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            // A bool or tristate that is not written is n: "is not set" and no line mean the same.
            String b = before.getOrDefault(n, "n");
            String a = after.getOrDefault(n, isTristateLike(n) || "n".equals(b) ? "n" : null);
            if (!b.equals(String.valueOf(a)) || (!before.containsKey(n) && a != null && !a.equals("n"))) {
                differing.add(n);
            }
        }
        assertThat(differing).isNotEmpty();
        Set<String> unexplained = new TreeSet<>(differing);
        unexplained.removeAll(explained.keySet());
        assertThat(unexplained).as("differences without a finding").isEmpty();
        List<String> vague = differing.stream().filter(n -> explained.get(n).cause().kind() == Cause.Kind.OTHER)
                .toList();
        assertThat(vague).as("differences without a specific cause").isEmpty();
        if (to.equals("6.12")) {
            // The tristate-to-bool change of 6.x: m became y, named as a type change.
            Finding virqfd = explained.get("VFIO_VIRQFD");
            assertThat(virqfd.kind()).isEqualTo(Finding.Kind.PROMOTED);
            assertThat(virqfd.cause().kind()).isEqualTo(Cause.Kind.TYPE_CHANGED);
            assertThat(virqfd.cause().text()).contains("VFIO_VIRQFD is bool in the new tree (it was tristate)");
        } else if (flavour.equals("amd64")) {
            // 5.10 -> 6.1: I8K became bool; Debian had it as m.
            Finding i8k = explained.get("I8K");
            assertThat(i8k.cause().kind()).isEqualTo(Cause.Kind.TYPE_CHANGED);
        }
        // Every fix the report claims is verified really is.
        for (Finding f : report.findings()) {
            if (f.fix() != null && f.fix().verified()) {
                assertThat(f.fix().note()).doesNotContain("cannot");
            }
        }
    }

    private static boolean isTristateLike(String name) {
        var s = newTree.symbols().find(name);
        return s != null && s.type().isTristateLike();
    }

    /** name -> value as a config file states it (n for "is not set"). */
    private static Map<String, String> values(String text) {
        Map<String, String> out = new HashMap<>();
        ConfigFile.of(".config", text).assignments().forEach((symbol, line) -> out.put(symbol, line.value()));
        return out;
    }
}
