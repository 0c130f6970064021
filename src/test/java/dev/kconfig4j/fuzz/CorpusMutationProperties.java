package dev.kconfig4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import dev.kconfig4j.conformance.GoldenCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Kconfig files of the 6.12 tree with one mutation (a line deleted, duplicated, or the file
 * truncated): kconfig4j must give the kernel's own result, the same .config or the same error
 * exit with the error at the same file and line as the kernel's first error. The mutated file is placed in the object directory, where
 * both tools look before srctree, so the tree itself is never touched. Needs the golden data and
 * the kernel's conf (KCONFIG4J_ORACLE or /tmp/oracle, from shared/oracle/get-conf.sh).
 */
class CorpusMutationProperties {
    private static List<Path> files;

    private static synchronized List<Path> kconfigFiles(Path srctree) throws IOException {
        if (files == null) {
            try (Stream<Path> s = Files.walk(srctree)) {
                files = s.filter(p -> p.getFileName().toString().startsWith("Kconfig") && Files.isRegularFile(p)
                        && !p.toString().contains("/arch/") || p.toString().contains("/arch/x86/")
                                && p.getFileName().toString().startsWith("Kconfig")).sorted().toList();
            }
        }
        return files;
    }

    @Property(tries = 8, seed = "20261125")
    void mutatedCorpusFilesGiveTheKernelsResult(@ForAll @IntRange(min = 0, max = 1_000_000) int pick,
            @ForAll @IntRange(min = 0, max = 1_000_000) int where) throws Exception {
        Path shared = GoldenCase.sharedDir();
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-6.12");
        Assumptions.assumeTrue(Files.isRegularFile(shared.resolve("golden/cases.tsv")) && Files.isExecutable(oracle),
                "needs the golden data and the kernel's conf");
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        List<Path> all = kconfigFiles(srctree);
        Path original = all.get(pick % all.size());
        String rel = srctree.relativize(original).toString();
        List<String> lines = new ArrayList<>(Files.readAllLines(original, StandardCharsets.ISO_8859_1));
        if (lines.isEmpty()) {
            return;
        }
        int at = where % lines.size();
        switch (where % 3) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            default -> lines.subList(at, lines.size()).clear();
        }
        String mutated = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        String input = Files.readString(shared.resolve("corpus/configs/debian-6.12-amd64.config"),
                StandardCharsets.ISO_8859_1);

        Path ours = Files.createTempDirectory("kconfig4j-mut-");
        Path theirs = Files.createTempDirectory("kconfig4j-mut-");
        for (Path d : List.of(ours, theirs)) {
            Files.createDirectories(d.resolve(rel).getParent());
            Files.writeString(d.resolve(rel), mutated, StandardCharsets.ISO_8859_1);
            Files.writeString(d.resolve(".config"), input, StandardCharsets.ISO_8859_1);
        }
        Map<String, String> envOurs = c.environment(srctree, ours);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int ourExit;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream()); PrintStream e = new PrintStream(err)) {
            ourExit = Cli.execute(new Cli.Context(envOurs, ours, o, e, x -> null), "conf", "-s", "--olddefconfig",
                    "Kconfig");
        }
        ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig")
                .directory(theirs.toFile()).redirectErrorStream(true).redirectOutput(theirs.resolve("log").toFile());
        pb.environment().clear();
        pb.environment().putAll(c.environment(srctree, theirs));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String ourErr = err.toString(StandardCharsets.ISO_8859_1);
        assertThat(ourErr).as("mutation of %s at line %d", rel, at + 1).doesNotContain("internal error");
        assertThat(ourExit).as("exit status, mutation of %s at line %d: %s", rel, at + 1, ourErr).isEqualTo(p.exitValue());
        if (ourExit == 0) {
            assertThat(Files.readString(ours.resolve(".config"), StandardCharsets.ISO_8859_1))
                    .as("mutation of %s at line %d", rel, at + 1)
                    .isEqualTo(Files.readString(theirs.resolve(".config"), StandardCharsets.ISO_8859_1));
        } else {
            // The error names the same place as the kernel's: the first "file:line: " line that is
            // not a warning, in both outputs.
            java.util.regex.Pattern error = java.util.regex.Pattern.compile("(?m)^([^\\s:]+:\\d+): (?!warning)");
            java.util.regex.Matcher theirsAt = error.matcher(Files.readString(theirs.resolve("log"),
                    StandardCharsets.ISO_8859_1));
            java.util.regex.Matcher oursAt = error.matcher(ourErr);
            assertThat(theirsAt.find()).isTrue();
            assertThat(oursAt.find()).as("an error with a location in: %s", ourErr).isTrue();
            assertThat(oursAt.group(1)).as("mutation of %s at line %d", rel, at + 1).isEqualTo(theirsAt.group(1));
        }
    }
}
