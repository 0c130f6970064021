package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact analysis on real trees, 6.1 -> 6.12, for a sample of the corpus (the alpha and x86
 * defconfigs, and Debian's three 6.1 configs): every before and after .config must be the kernel's
 * own, byte for byte: the golden cases where they exist (6.1 defconfig expansions, Debian's
 * configs carried to 6.12), and otherwise the kernel's conf-6.12 run on the
 * before .config (skipped without /tmp/oracle). The whole corpus is compared by bench/impact.sh.
 */
class ImpactCorpusTest {
    private static final String DEBIAN = "debian-6.1-amd64.config";
    private static final Path ORACLE = Path.of("/tmp/oracle/conf-6.12");

    @TempDir
    static Path tmp;
    static Path shared;
    static ImpactReport report;
    static Path configs;

    @BeforeAll
    static void analyse() throws IOException {
        shared = GoldenCase.requireShared();
        configs = Files.createDirectories(tmp.resolve("configs"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", System.getProperty("user.home")); // the probe cache
        report = ImpactAnalysis.builder(new TreeSource.Directory(shared.resolve("corpus/linux-6.1")),
                new TreeSource.Directory(shared.resolve("corpus/linux-6.12")))
                .arches(List.of("alpha", "x86")).mitigations(0).environment(env).workingDirectory(tmp)
                .config(new ConfigInput(shared.resolve("corpus/configs/" + DEBIAN), null))
                .config(new ConfigInput(shared.resolve("corpus/configs/debian-6.1-cloud-amd64.config"), null))
                .config(new ConfigInput(shared.resolve("corpus/configs/debian-6.1-rt_amd64.config"), null))
                .writeConfigs(configs).run();
    }

    @Test
    void theSampleIsAnalysedWithCauses() {
        assertThat(report.problems()).isEmpty();
        assertThat(report.configs()).extracting(ConfigImpact::name).containsExactly("arch/alpha/configs/defconfig",
                "arch/x86/configs/i386_defconfig", "arch/x86/configs/x86_64_defconfig", DEBIAN,
                "debian-6.1-cloud-amd64.config", "debian-6.1-rt_amd64.config");
        ConfigImpact debian = report.configs().get(3);
        assertThat(debian.arch()).isEqualTo("x86");
        assertThat(debian.lostSymbols()).hasSizeGreaterThan(20);
        assertThat(debian.changes()).allSatisfy(c -> assertThat(c.causeText()).isNotBlank());
        assertThat(report.timing().trees()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha/defconfig", "x86/i386_defconfig", "x86/x86_64_defconfig"})
    void theBeforeConfigIsTheKernelsDefconfig(String defconfig) throws IOException {
        String arch = defconfig.substring(0, defconfig.indexOf('/'));
        String name = defconfig.substring(arch.length() + 1);
        assertThat(read(configs.resolve(stem(arch, name) + ".before")))
                .isEqualTo(golden("6.1/" + arch + "/defconfig-" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amd64", "cloud-amd64", "rt_amd64"})
    void debianIsUsedAsItIsAndCarriedAsTheKernelDoes(String flavour) throws IOException {
        String name = "debian-6.1-" + flavour;
        // A full .config is what its users have, as it is (rt's was made with the RT patches: vanilla
        // 6.1 would drop its PREEMPT_RT, which 6.12 keeps).
        assertThat(read(configs.resolve(name + ".config.before")))
                .isEqualTo(read(shared.resolve("corpus/configs/" + name + ".config")));
        assertThat(read(configs.resolve(name + ".config.after"))).isEqualTo(golden("6.12/x86/upgrade-olddefconfig-" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha/defconfig", "x86/x86_64_defconfig"})
    void theAfterConfigIsTheKernelsOlddefconfig(String defconfig) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ORACLE), ORACLE + " missing (shared/oracle/get-conf.sh /tmp/oracle)");
        String arch = defconfig.substring(0, defconfig.indexOf('/'));
        String name = defconfig.substring(arch.length() + 1);
        Path out = Files.createTempDirectory(tmp, "oracle");
        Files.copy(configs.resolve(stem(arch, name) + ".before"), out.resolve(".config"));
        Path srctree = shared.resolve("corpus/linux-6.12").toRealPath();
        GoldenCase c = GoldenCase.byId(shared, "6.12/" + arch + "/defconfig-" + name);
        ProcessBuilder pb = new ProcessBuilder(ORACLE.toString(), "-s", "--olddefconfig", "Kconfig").directory(out.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(c.environment(srctree, out));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read(configs.resolve(stem(arch, name) + ".after"))).isEqualTo(read(out.resolve(".config")));
    }

    private static String stem(String arch, String name) {
        return "arch_" + arch + "_configs_" + name;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    private static String golden(String id) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(shared.resolve("golden/" + id + "/expected.config.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
