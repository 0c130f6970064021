package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kconfig4j localmodconfig}/{@code localyesconfig} against the kernel's own: the tree's
 * {@code scripts/kconfig/streamline_config.pl} run with perl, then the kernel's {@code conf
 * --oldconfig} (standard input at its end) exactly as {@code make localmodconfig} runs them, over
 * a Hyper-V guest's lsmod and generated listings: random subsets of the modules the config builds (as {@link KbuildMap}
 * evaluates the Makefiles) plus names no Makefile builds. Both stages must agree byte for byte.
 *
 * <p>The script checks promptless symbols' selectors in Perl's hash order, which changes from run
 * to run; when ours differs from the script's, the script is run again with other hash seeds and
 * matching one of its results counts (and is reported).
 *
 * <p>A handful of listings always run (skipped with a message without perl, the corpus or the
 * kernel's conf); {@code -Dkconfig4j.localmodconfig.lists=N} runs N per case, and
 * {@code -Dkconfig4j.localmodconfig.conf=false} compares only the script stage (much faster),
 * {@code -Dkconfig4j.localmodconfig.seed=S} draws other listings.
 */
class LocalModConfigDifferentialTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest(name = "{0} tree, {1}")
    @CsvSource({"6.12, debian-6.12-amd64.config", "7.3, debian-7.3-amd64.config", "7.3, debian-6.12-cloud-amd64.config"})
    void generatedListingsGiveTheKernelsResult(String version, String configName) throws Exception {
        Path shared = GoldenCase.requireShared();
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-" + version);
        Assumptions.assumeTrue(Files.isExecutable(oracle), "no kernel conf at " + oracle + "; skipping");
        Assumptions.assumeTrue(onPath("perl"), "no perl on PATH; skipping");
        int lists = Integer.getInteger("kconfig4j.localmodconfig.lists", 3);
        boolean confStage = !"false".equals(System.getProperty("kconfig4j.localmodconfig.conf"));

        GoldenCase c = GoldenCase.byId(shared, version + "/x86/olddefconfig-debian-" + version + "-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path script = srctree.resolve("scripts/kconfig/streamline_config.pl");
        Path work = Files.createTempDirectory("kconfig4j-lmc-");
        Map<String, String> env = c.environment(srctree, work);
        Kconfig tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", env, work), QUIET, QUIET);
        String config = Files.readString(shared.resolve("corpus/configs/" + configName), StandardCharsets.ISO_8859_1);
        ScriptKconfig kconfig = LocalModConfig.scriptKconfig(tree);
        ScriptObjects objects = ScriptObjects.read(srctree);
        List<String> built = new ArrayList<>(new TreeSet<>(KbuildTree.walk(srctree, "x86_64")
                .evaluate(Values.of(ConfigReader.load(tree, configName, config).configuration())).byKernelName().keySet()));
        assertThat(built).hasSizeGreaterThan(1000);

        Random random = new Random(Long.getLong("kconfig4j.localmodconfig.seed", 20261201L) ^ version.hashCode()
                ^ configName.hashCode());
        int agreed = 0;
        int agreedWithAnotherHashOrder = 0;
        int finalStages = 0;
        for (int i = 0; i < lists; i++) {
            // The first listing is a real one: a Hyper-V guest's lsmod (with one out-of-tree module).
            List<String> loaded = i == 0 ? LocalModConfig.parseLsmod("lsmod-hyperv-guest.txt", new String(
                    getClass().getResourceAsStream("/kbuild/lsmod-hyperv-guest.txt").readAllBytes(), StandardCharsets.UTF_8))
                    : listing(random, built);
            LocalModConfig.Target target = i % 4 == 3 ? LocalModConfig.Target.LOCALYESCONFIG
                    : LocalModConfig.Target.LOCALMODCONFIG;
            Path dir = Files.createTempDirectory(work, "run-");
            Files.writeString(dir.resolve(".config"), config, StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("lsmod"), lsmodText(loaded));
            LocalModConfig.Result ours = LocalModConfig.run(tree, kconfig, objects, config, loaded, target, dir, null);
            String theirs = streamline(script, srctree, dir, target, env, null);
            String listingName = "listing " + i + " (" + loaded.size() + " modules, " + target + ", " + dir + ")";
            if (!theirs.equals(ours.config())) {
                boolean matched = false;
                for (int seed = 1; seed <= 8 && !matched; seed++) {
                    matched = streamline(script, srctree, dir, target, env, seed).equals(ours.config());
                }
                Files.writeString(dir.resolve("ours.tmp.config"), ours.config(), StandardCharsets.ISO_8859_1);
                Files.writeString(dir.resolve("theirs.tmp.config"), theirs, StandardCharsets.ISO_8859_1);
                assertThat(matched).as("script stage of %s: ours.tmp.config vs theirs.tmp.config", listingName).isTrue();
                agreedWithAnotherHashOrder++;
            }
            agreed++;
            if (confStage) {
                String kernel = kernelOldconfig(oracle, dir, env, ours.config(), config);
                ConfRequest req = new ConfRequest(Mode.OLDCONFIG, null, "Kconfig", true, env, dir, QUIET, QUIET);
                String result = LocalModConfig.oldconfig(tree, config, ours, req);
                assertThat(result).as("final config of %s", listingName).isEqualTo(kernel);
                finalStages++;
            }
            if (System.getProperty("kconfig4j.localmodconfig.lists") != null) {
                System.out.printf("%s %s %s: agrees%s%n", version, configName, listingName, confStage ? ", final config too" : "");
            }
            deleteTree(dir);
        }
        System.out.printf("localmodconfig differential, %s tree, %s: %d of %d listings agree with the script "
                + "(%d only under another Perl hash order), %d final configs identical to make localmodconfig's%n",
                version, configName, agreed, lists, agreedWithAnotherHashOrder, finalStages);
    }

    /** Up to 60 of the built modules, and now and then a module no Makefile builds. */
    private static List<String> listing(Random random, List<String> built) {
        List<String> out = new ArrayList<>();
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            out.add(built.get(random.nextInt(built.size())));
        }
        if (random.nextBoolean()) {
            out.add(random.nextInt(out.size() + 1), "out_of_tree_" + random.nextInt(1000));
        }
        return out;
    }

    private static String lsmodText(List<String> modules) {
        StringBuilder b = new StringBuilder("Module                  Size  Used by\n");
        for (String m : modules) {
            b.append(String.format("%-24s%6d  0%n", m, 4096));
        }
        return b.toString();
    }

    /** The kernel's script, as {@code make localmodconfig} runs it in the object directory. */
    private static String streamline(Path script, Path srctree, Path dir, LocalModConfig.Target target,
            Map<String, String> env, Integer hashSeed) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("perl", script.toString(), "--" + target.name().toLowerCase(),
                srctree.toString(), "Kconfig").directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("LSMOD", dir.resolve("lsmod").toString());
        if (hashSeed != null) {
            pb.environment().put("PERL_HASH_SEED", hashSeed.toString());
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("streamline_config.pl exit status").isZero();
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The Makefile's second step: conf --oldconfig on the script's output, unless it changed nothing. */
    private static String kernelOldconfig(Path conf, Path dir, Map<String, String> env, String streamlined, String input)
            throws IOException, InterruptedException {
        if (streamlined.equals(input)) {
            return input;
        }
        Path confDir = Files.createTempDirectory(dir, "conf-");
        Files.writeString(confDir.resolve(".config"), streamlined, StandardCharsets.ISO_8859_1);
        ProcessBuilder pb = new ProcessBuilder(conf.toString(), "-s", "--oldconfig", "Kconfig").directory(confDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("KCONFIG_CONFIG", confDir.resolve(".config").toString());
        pb.environment().put("KCONFIG_AUTOCONFIG", confDir.resolve("include/config/auto.conf").toString());
        pb.environment().put("KCONFIG_AUTOHEADER", confDir.resolve("include/generated/autoconf.h").toString());
        pb.environment().put("KCONFIG_RUSTCCFG", confDir.resolve("include/generated/rustc_cfg").toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        assertThat(pb.start().waitFor()).as("conf --oldconfig exit status").isZero();
        return Files.readString(confDir.resolve(".config"), StandardCharsets.ISO_8859_1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
