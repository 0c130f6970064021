package dev.kconfig4j.fuzz;

import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's own conf of one generation (KCONFIG4J_ORACLE or /tmp/oracle, from
 * shared/oracle/get-conf.sh), run on the same tree, config, mode and environment as a
 * {@link ConfRun}: the differential half of the fuzz tests.
 */
record KernelConf(Path binary) {

    /** The files a run may write that are compared, besides the exit status. */
    static final List<String> OUTPUTS = List.of(".config", "include/config/auto.conf",
            "include/generated/autoconf.h");

    /** The conf of {@code generation} (5.10, 6.1, 6.12, 7.3), or null when it is not installed. */
    static KernelConf of(String generation) {
        Path p = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-" + generation);
        return Files.isExecutable(p) ? new KernelConf(p) : null;
    }

    /** The outcome: exit status, standard error, and each of {@link #OUTPUTS} (null: not written). */
    record Result(int exit, String stderr, Map<String, String> files) {
    }

    /**
     * Runs {@code conf -s MODE Kconfig} on a copy of {@code kconfig} and {@code config} in a fresh
     * directory (deleted afterwards) with {@code env} besides PATH, srctree and KCONFIG_CONFIG.
     */
    Result run(String kconfig, String config, String mode, Map<String, String> env) throws IOException,
            InterruptedException {
        Path d = Files.createTempDirectory("kconfig4j-oracle-");
        try {
            Files.writeString(d.resolve("Kconfig"), kconfig, StandardCharsets.ISO_8859_1);
            if (config != null) {
                Files.writeString(d.resolve(".config"), config, StandardCharsets.ISO_8859_1);
            }
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-s", mode, "Kconfig").directory(d.toFile())
                    .redirectError(d.resolve("stderr.txt").toFile()).redirectOutput(d.resolve("stdout.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "srctree", d.toString(), "KCONFIG_CONFIG",
                    d.resolve(".config").toString()));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NeverEnded(binary + " " + mode + " did not finish in 60 s");
            }
            Map<String, String> files = new java.util.HashMap<>();
            for (String f : OUTPUTS) {
                Path out = d.resolve(f);
                files.put(f, Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : null);
            }
            String stderr = Files.readString(d.resolve("stderr.txt"), StandardCharsets.ISO_8859_1)
                    .replace(d.toString(), "DIR");
            return new Result(p.exitValue(), stderr, files);
        } finally {
            delete(d);
        }
    }

    /** Deletes a directory tree (a test's scratch directory). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /**
     * The kernel's conf did not end: 5.10 and 6.1 ask an unanswerable question forever at the end
     * of input, 6.12 a choice with no visible member. Not a fault of the harness.
     */
    static final class NeverEnded extends IOException {
        private static final long serialVersionUID = 1L;

        NeverEnded(String message) {
            super(message);
        }
    }
}
