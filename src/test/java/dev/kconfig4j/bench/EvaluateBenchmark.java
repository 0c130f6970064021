package dev.kconfig4j.bench;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.symbol.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Once a tree is parsed: reading Debian's 6.12 amd64 config, settling every value as
 * olddefconfig does, and writing .config (run with bench/evaluate.sh; the target is under 20 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xss64m"})
public class EvaluateBenchmark {
    private Kconfig tree;
    private String config;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @Setup
    public void load() throws IOException {
        Path shared = GoldenCase.sharedDir();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-bench-");
        tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
        config = Files.readString(shared.resolve("corpus/configs/debian-6.12-amd64.config"), StandardCharsets.ISO_8859_1);
    }

    @Benchmark
    public String olddefconfig() {
        Configuration values = ConfigReader.load(tree, ".config", config).configuration();
        return new ConfigWriter(tree, values, "CONFIG_").dotConfig();
    }
}
