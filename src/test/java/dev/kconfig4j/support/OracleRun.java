package dev.kconfig4j.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the kernel's own {@code conf} of one generation on the same small tree a {@link ConfRun}
 * test writes, so that a specification test can check its expectation against the kernel too.
 * Only when {@code KCONFIG4J_ORACLE} names the directory of {@code conf-5.10} ... {@code conf-7.3}
 * (shared/oracle/get-conf.sh installs them); otherwise {@link #available} is false.
 */
public final class OracleRun {
    private OracleRun() {
    }

    /** The kernel's conf of {@code version}, or null without KCONFIG4J_ORACLE or that binary. */
    public static Path conf(String version) {
        String dir = System.getenv("KCONFIG4J_ORACLE");
        if (dir == null || dir.isEmpty()) {
            return null;
        }
        Path p = Path.of(dir, "conf-" + version);
        return Files.isExecutable(p) ? p : null;
    }

    public static boolean available(String version) {
        return conf(version) != null;
    }

    /**
     * Runs {@code conf -s ARGS Kconfig} of {@code version} in a fresh directory holding
     * {@code kconfig} and (unless null) {@code config} as {@code .config}, with standard input
     * {@code stdin} and only PATH, srctree, KCONFIG_CONFIG and {@code env} in the environment.
     */
    public static ConfRun.Result run(String version, String kconfig, String config, String stdin,
            Map<String, String> env, String... args) {
        Path conf = conf(version);
        if (conf == null) {
            throw new IllegalStateException("no kernel conf-" + version + " (KCONFIG4J_ORACLE)");
        }
        try {
            Path d = Files.createTempDirectory("kconfig4j-oracle-");
            Files.writeString(d.resolve("Kconfig"), kconfig, StandardCharsets.ISO_8859_1);
            if (config != null) {
                Files.writeString(d.resolve(".config"), config, StandardCharsets.ISO_8859_1);
            }
            Files.writeString(d.resolve("stdin.txt"), stdin == null ? "" : stdin, StandardCharsets.ISO_8859_1);
            List<String> cmd = new ArrayList<>(List.of(conf.toString(), "-s"));
            cmd.addAll(List.of(args));
            cmd.add("Kconfig");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(d.toFile())
                    .redirectInput(d.resolve("stdin.txt").toFile())
                    .redirectOutput(d.resolve("stdout.txt").toFile())
                    .redirectError(d.resolve("stderr.txt").toFile());
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("srctree", d.toString());
            pb.environment().put("KCONFIG_CONFIG", d.resolve(".config").toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("conf-" + version + " did not finish");
            }
            return new ConfRun.Result(p.exitValue(), Files.readString(d.resolve("stdout.txt"), StandardCharsets.ISO_8859_1),
                    Files.readString(d.resolve("stderr.txt"), StandardCharsets.ISO_8859_1), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code kconfig} (with {@code config}, unless null) through kconfig4j's conf of
     * {@code version} with {@code args}, and, where that kernel conf is installed, checks that the
     * kernel gives the same exit status, standard error and {@code .config}: a specification
     * test's expectation confirmed against the kernel. Returns kconfig4j's result.
     */
    public static ConfRun.Result sameAsKernel(String version, String kconfig, String config, String... args) {
        ConfRun run = ConfRun.tree(version, kconfig);
        if (config != null) {
            run.config(config);
        }
        ConfRun.Result ours = run.run(args);
        if (available(version)) {
            ConfRun.Result kernel = run(version, kconfig, config, "", Map.of(), args);
            org.assertj.core.api.Assertions.assertThat(ours.exit()).as("exit status, conf-" + version)
                    .isEqualTo(kernel.exit());
            org.assertj.core.api.Assertions.assertThat(ours.stderr().replace(ours.dir().toString(), "DIR"))
                    .as("standard error, conf-" + version)
                    .isEqualTo(kernel.stderr().replace(kernel.dir().toString(), "DIR"));
            org.assertj.core.api.Assertions.assertThat(ours.config()).as(".config, conf-" + version)
                    .isEqualTo(kernel.config());
        }
        return ours;
    }
}
