package dev.kconfig4j.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small tree written for a test, a config read into it as olddefconfig does, and the
 * explanations of its symbols. {@link #checkAgainstKernel()} runs the kernel's own conf on the
 * same tree and config (when the oracle binary is installed) and requires the same .config, so
 * the values the explanations talk about are the kernel's.
 */
final class WhyTree {
    private final Path dir;
    private final String dialect;
    private final Kconfig tree;
    private final String configText;
    private final Explainer explainer;

    private WhyTree(Path dir, String dialect, String configText) {
        this.dir = dir;
        this.dialect = dialect;
        this.configText = configText;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        this.tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig",
                Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", dialect), dir), quiet, quiet);
        this.explainer = Explainer.read(tree, configText == null ? null : ".config", configText);
    }

    /** {@code kconfig} as the tree's Kconfig in {@code dir}, with {@code config} as .config (null: none), in 6.12. */
    static WhyTree of(Path dir, String kconfig, String config) {
        return of(dir, "6.12", kconfig, config);
    }

    static WhyTree of(Path dir, String dialect, String kconfig, String config) {
        try {
            Files.writeString(dir.resolve("Kconfig"), kconfig, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WhyTree(dir, dialect, config);
    }

    Explanation why(String symbol) {
        return explainer.explain(tree.symbols().find(symbol));
    }

    /** The text form of the explanation of {@code symbol}. */
    String text(String symbol) {
        WhyReport r = new WhyReport(WhyReport.SCHEMA_VERSION, configText == null ? null : ".config", dir.toString(),
                tree.mainMenu(), tree.dialect().version(), List.of(why(symbol)), explainer.diagnostics());
        return WhyFormat.TEXT.render(r);
    }

    /**
     * Runs the kernel's {@code conf --olddefconfig} of this dialect on the same tree and config
     * and requires our .config to be the same (skipped when the oracle is not installed).
     */
    WhyTree checkAgainstKernel() {
        Path oracle = Path.of(System.getProperty("kconfig4j.oracle", "/tmp/oracle"), "conf-" + dialect);
        if (!Files.isExecutable(oracle)) {
            return this;
        }
        try {
            Path run = Files.createTempDirectory(dir, "oracle-"); // inside the test's directory: cleaned up with it
            Files.copy(dir.resolve("Kconfig"), run.resolve("Kconfig"));
            if (configText != null) {
                Files.writeString(run.resolve(".config"), configText, StandardCharsets.ISO_8859_1);
            }
            ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig")
                    .directory(run.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("srctree", run.toString());
            Process p = pb.start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("kernel conf exit status").isZero();
            String theirs = body(Files.readString(run.resolve(".config"), StandardCharsets.ISO_8859_1));
            String ours = body(new ConfigWriter(tree, explainer.configuration(), "CONFIG_").dotConfig());
            assertThat(ours).as("our .config against the kernel's conf-" + dialect).isEqualTo(theirs);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A .config without its heading comment (the first four lines). */
    private static String body(String config) {
        int cut = 0;
        for (int i = 0; i < 4; i++) {
            cut = config.indexOf('\n', cut) + 1;
        }
        return config.substring(cut);
    }
}
