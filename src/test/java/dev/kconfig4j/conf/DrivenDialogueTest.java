package dev.kconfig4j.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.conformance.GoldenCase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kconfig4j conf --oldconfig/--oldaskconfig} driven by a program that writes newlines into
 * its standard input in a tight loop until it exits (what {@code yes '' | make oldconfig} and test
 * harnesses do), with {@code kconfig4j} a separate process reading a real pipe.
 *
 * <p>What the kernel's conf does with the same writer (measured with conf-6.12): it reads standard
 * input through stdio, 4 KiB at a time and only when it asks a question. On a small tree it is done
 * within milliseconds and the writer never blocks; on the 6.12 tree the writer fills the 64 KiB
 * pipe, stays blocked for the whole run and its blocked write fails with EPIPE when conf exits.
 * In both cases a write racing with conf's exit can fail with EPIPE (13 of 20 runs on a
 * three-symbol tree): the read end closes before the writer can see that conf exited, so no
 * program can prevent that, and {@code yes} ends by SIGPIPE every time.
 *
 * <p>The contract, then: the writer is never held up while kconfig4j loads the tree and works
 * (it is held at most while the JVM starts), it is not blocked when kconfig4j exits (a failing
 * write fails at once, from the exit race, never after a wait), and the answers read and the
 * transcript are exactly those of the same run with the answers in a file.
 */
class DrivenDialogueTest {
    @TempDir
    Path dir;

    /** How one driven run went, seen from the writer. */
    record Drive(int exit, String stdout, long written, long longestWriteNanos, long runNanos, boolean failedWrite,
            long failedWriteNanos) {
    }

    /** Spawns {@code kconfig4j conf ARGS Kconfig} in {@code out} and writes newlines until it exits. */
    private static Drive drive(Path out, Map<String, String> env, String... args) throws Exception {
        Process p = kconfig4j(out, env, args).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        OutputStream stdin = p.getOutputStream();
        long written = 0;
        long longest = 0;
        boolean failed = false;
        long failedNanos = 0;
        long start = System.nanoTime();
        while (p.isAlive()) {
            long t = System.nanoTime();
            try {
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                failed = true;
                failedNanos = System.nanoTime() - t;
                break;
            }
            longest = Math.max(longest, System.nanoTime() - t);
            written++;
        }
        int exit = p.waitFor();
        long run = System.nanoTime() - start;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // The pipe is gone with the process.
        }
        String stdout = Files.readString(out.resolve("stdout.txt"), StandardCharsets.ISO_8859_1);
        return new Drive(exit, stdout, written, longest, run, failed, failedNanos);
    }

    /** The same run with {@code answers} newlines in a file as standard input. */
    private static String fromFile(Path out, Map<String, String> env, int answers, String... args) throws Exception {
        Path file = out.resolve("answers.txt");
        Files.writeString(file, "\n".repeat(answers));
        Process p = kconfig4j(out, env, args).redirectInput(file.toFile()).start();
        assertThat(p.waitFor()).isZero();
        return Files.readString(out.resolve("stdout.txt"), StandardCharsets.ISO_8859_1);
    }

    /** {@code java -cp <this test's class path> dev.kconfig4j.cli.Main conf ARGS}, as bin/kconfig4j runs it. */
    private static ProcessBuilder kconfig4j(Path out, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xss64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.kconfig4j.cli.Main", "conf"));
        cmd.addAll(List.of(args));
        cmd.add("Kconfig");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(out.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectOutput(out.resolve("stdout.txt").toFile());
        pb.redirectError(out.resolve("stderr.txt").toFile());
        return pb;
    }

    private static void assertNotHeldUp(Drive d) {
        // Held up only while the JVM starts: far less than the run (a writer left on a full pipe
        // waits nearly the whole run), and the pipe was emptied well past its 64 KiB.
        assertThat(d.longestWriteNanos()).as("longest write, of a run of %d ms", d.runNanos() / 1_000_000)
                .isLessThan(d.runNanos() / 2);
        assertThat(d.written()).as("bytes written").isGreaterThan(128 << 10);
        if (d.failedWrite()) {
            assertThat(d.failedWriteNanos()).as("the write that met the exit was not waiting")
                    .isLessThan(Math.min(1_000_000_000L, d.runNanos() / 4));
        }
    }

    @Test
    void aFileOfAnswersIsLeftJustAfterTheLastLineUsed() throws Exception {
        // { conf --oldconfig Kconfig; head -1; } < answers: what follows the answers conf used is
        // there for the next reader, as with the kernel's conf (glibc gives back what it read ahead).
        Files.writeString(dir.resolve("Kconfig"), "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n");
        Files.writeString(dir.resolve("answers"), "y\nn\nextra1\nextra2\n" + "x".repeat(20_000) + "\n");
        List<String> java = new ArrayList<>(kconfig4j(dir, Map.of(), "--oldconfig").command());
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "\"$@\" >/dev/null 2>&1; head -1", "sh");
        pb.command().addAll(java);
        pb.directory(dir.toFile()).redirectInput(dir.resolve("answers").toFile())
                .redirectOutput(dir.resolve("rest").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "srctree", dir.toString(), "KERNELVERSION", "6.12",
                "KCONFIG4J_PROBE_CACHE", "off"));
        assertThat(pb.start().waitFor()).isZero();
        assertThat(Files.readString(dir.resolve("rest"))).isEqualTo("extra1\n");
        assertThat(Files.readString(dir.resolve(".config"))).contains("CONFIG_A=y\n", "# CONFIG_B is not set\n");
    }

    @Test
    void aSmallTreeAnswersEveryQuestionFromTheDrivingWriterWithoutHoldingItUp() throws Exception {
        Files.writeString(dir.resolve("Kconfig"), """
                mainmenu "Small"
                config MODULES
                \tbool "Modules"
                \tdefault y
                \tmodules
                config A
                \tbool "Feature A"
                config B
                \ttristate "Feature B"
                \tdefault m
                config C
                \tint "A number"
                \tdefault 3
                """);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "srctree", dir.toString(), "KERNELVERSION", "6.12",
                "KCONFIG4J_PROBE_CACHE", "off");
        Drive d = drive(dir, env, "--oldaskconfig");
        assertThat(d.exit()).isZero();
        assertNotHeldUp(d);
        Files.delete(dir.resolve(".config"));
        assertThat(d.stdout()).isEqualTo(fromFile(dir, env, 100, "--oldaskconfig"))
                .contains("Feature B (B) [M/n/y/?] (NEW) \n");
        assertThat(Files.readString(dir.resolve(".config"))).contains("CONFIG_B=m\n", "CONFIG_C=3\n");
    }

    @Test
    void debian61CarriedTo612ByOldconfigUnderAWriterThatNeverStops() throws Exception {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Map<String, String> env = c.environment(srctree, dir);
        String input = Files.readString(shared.resolve("corpus/configs/debian-6.1-amd64.config"), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve(".config"), input, StandardCharsets.ISO_8859_1);
        Drive d = drive(dir, env, "--oldconfig");
        assertThat(d.exit()).isZero();
        assertNotHeldUp(d);
        String written = Files.readString(dir.resolve(".config"), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve(".config"), input, StandardCharsets.ISO_8859_1);
        String transcript = fromFile(dir, env, 100_000, "--oldconfig");
        assertThat(d.stdout()).contains("(NEW)").isEqualTo(transcript);
        assertThat(Files.readString(dir.resolve(".config"), StandardCharsets.ISO_8859_1)).isEqualTo(written);

        // And it is the kernel's transcript, where the kernel's conf is installed.
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-6.12");
        if (Files.isExecutable(oracle)) {
            Files.writeString(dir.resolve(".config"), input, StandardCharsets.ISO_8859_1);
            List<String> cmd = List.of(oracle.toString(), "--oldconfig", "Kconfig");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(dir.resolve("answers.txt").toFile())
                    .redirectOutput(dir.resolve("kernel.txt").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(env);
            assertThat(pb.start().waitFor()).isZero();
            assertThat(transcript).isEqualTo(Files.readString(dir.resolve("kernel.txt"), StandardCharsets.ISO_8859_1));
            assertThat(Files.readString(dir.resolve(".config"), StandardCharsets.ISO_8859_1)).isEqualTo(written);
        }
    }
}
