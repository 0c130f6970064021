package dev.kconfig4j.support;

import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code kconfig4j conf} in-process on a small tree written by a test: the test's
 * specification in a few lines (a Kconfig text, an input config, a mode) and the result to check.
 */
public final class ConfRun {
    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";

    private ConfRun(Path dir, String dialect) {
        this.dir = dir;
        env.put("PATH", "/usr/bin:/bin");
        env.put("srctree", dir.toString());
        env.put("KCONFIG_CONFIG", dir.resolve(".config").toString());
        env.put("KCONFIG4J_PROBE_CACHE", "off");
        env.put("KERNELVERSION", dialect);
    }

    /** A fresh directory holding {@code kconfig} as its {@code Kconfig}, evaluated as {@code dialect} (5.10, 6.1, 6.12). */
    public static ConfRun tree(String dialect, String kconfig) {
        try {
            Path d = Files.createTempDirectory("kconfig4j-test-");
            Files.writeString(d.resolve("Kconfig"), kconfig, StandardCharsets.ISO_8859_1);
            return new ConfRun(d, dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Adds a file next to the Kconfig (a sourced file, a defconfig...). */
    public ConfRun file(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.ISO_8859_1);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the input {@code .config}. */
    public ConfRun config(String content) {
        return file(".config", content);
    }

    /** What standard input holds (empty by default: closed, as in the golden runs). */
    public ConfRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    public ConfRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The outcome of one run. */
    public record Result(int exit, String stdout, String stderr, Path dir) {
        /** The {@code .config} written, without its four-line heading; null if none. */
        public String body() {
            String c = config();
            if (c == null) {
                return null;
            }
            int cut = 0;
            for (int i = 0; i < 4; i++) {
                cut = c.indexOf('\n', cut) + 1;
            }
            return c.substring(cut);
        }

        public String config() {
            return read(".config");
        }

        public String read(String name) {
            Path p = dir.resolve(name);
            try {
                return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs {@code conf -s ARGS Kconfig}. */
    public Result run(String... args) {
        List<String> all = new ArrayList<>();
        all.add("-s");
        all.addAll(List.of(args));
        all.add("Kconfig");
        return runExactly(all.toArray(new String[0]));
    }

    /** Runs {@code conf ARGS}, nothing added. */
    public Result runExactly(String... args) {
        List<String> all = new ArrayList<>();
        all.add("conf");
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            exit = Cli.execute(new Cli.Context(env, dir, o, e, x -> null,
                    new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1))), all.toArray(new String[0]));
        }
        return new Result(exit, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                dir);
    }
}
