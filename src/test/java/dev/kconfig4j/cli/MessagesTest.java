package dev.kconfig4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.support.ConfRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user reads when the machine or the input is odd: the reason of a failed write in
 * strerror's words (after the kernel's own lines), what kind of file a FIFO or a device given as
 * a config is (read never: a FIFO would wait forever), and help for every command.
 */
class MessagesTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(new Cli.Context(Map.of("HOME", dir.toString(), "KCONFIG4J_PROBE_CACHE", "off"), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> null), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo.config");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void theCacheCommandHasHelp() {
        Run r = run("cache", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: kconfig4j cache").contains("--clear");
    }

    @Test
    void everyCommandHasHelpWhoseParagraphsWrapAsParagraphs() {
        for (String command : List.of("", "upgrade", "why", "enable", "impact", "kbuild", "localmodconfig", "localyesconfig",
                "web", "menuconfig", "cache")) {
            Run r = command.isEmpty() ? run("--help") : run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.err()).as(command).isEmpty();
            assertThat(r.out()).as(command).contains(("Usage: kconfig4j " + command).trim());
            // picocli wraps at 80 columns: a description line written longer than that in the
            // source would leave a one- or two-word line behind it.
            List<String> lines = r.out().lines().toList();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean afterFullLine = lines.get(i - 1).length() > 60;
                boolean stub = !line.isBlank() && !line.startsWith(" ") && line.length() < 20
                        && !line.endsWith(":") && !line.endsWith(".");
                assertThat(afterFullLine && stub).as(command + ": line '" + line + "' after a full one").isFalse();
            }
        }
    }

    @Test
    void aFifoOrADeviceGivenAsAConfigIsNamedForWhatItIsAndNeverRead() throws Exception {
        Files.writeString(dir.resolve("Kconfig"), "config FOO\n\tbool \"foo\"\n");
        fifo();
        Run f = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> run("why", "FOO", "--srctree", ".", "--config", "fifo.config"));
        assertThat(f.exit()).isEqualTo(1);
        assertThat(f.err()).isEqualTo("fifo.config: not a regular file (a FIFO)\n");
        Run zero = run("why", "FOO", "--srctree", ".", "--config", "/dev/zero");
        assertThat(zero.err()).isEqualTo("/dev/zero: not a regular file (a character device)\n");
        Files.createDirectory(dir.resolve("a.config"));
        assertThat(run("why", "FOO", "--srctree", ".", "--config", "a.config").err())
                .isEqualTo("a.config: Is a directory\n");
    }

    @Test
    void confDoesNotWaitOnAFifoConfigNorReplaceIt() throws Exception {
        ConfRun conf = ConfRun.tree("6.12", "config A\n\tbool \"a\"\n");
        Path fifo = conf.dir().resolve("fifo.config");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        ConfRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> conf.env("KCONFIG_CONFIG", "fifo.config").run("--olddefconfig"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("fifo.config: not a regular file (a FIFO)\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void aFailedWriteOfTheConfigSaysWhyBeforeTheKernelsLines() throws IOException {
        ConfRun conf = ConfRun.tree("6.12", "config A\n\tbool \"a\"\n").file("plain", "x\n");
        ConfRun.Result r = conf.env("KCONFIG_CONFIG", "plain/.config").run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("plain/.config: Not a directory\n\n*** Error during writing of the configuration.\n\n");
        Files.createDirectory(conf.dir().resolve("dir.config"));
        // Word for word the kernel's conf.
        assertThat(conf.env("KCONFIG_CONFIG", "dir.config").run("--olddefconfig").stderr())
                .isEqualTo("dir.config: Is a directory\n\n*** Error during writing of the configuration.\n\n");
    }

    @Test
    void otherCommandsSayWhyAWriteFailedInOneLine() throws IOException {
        Files.writeString(dir.resolve("plain"), "x\n");
        Files.writeString(dir.resolve("Kconfig"), "config FOO\n\tbool \"foo\"\n");
        Files.writeString(dir.resolve("my.config"), "# CONFIG_FOO is not set\n");
        Run r = run("enable", "FOO", "--srctree", ".", "--config", "my.config", "--write", "plain/out.config");
        assertThat(r.err()).isEqualTo("kconfig4j: " + dir.resolve("plain/out.config") + ": Not a directory\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void confEchoesTheBytesItReadAsTheKernelDoes() throws Exception {
        // Only the real process streams have a charset of their own (the locale's UTF-8).
        Files.writeString(dir.resolve("Kconfig"), "config A\n\tbool \"a\"\n");
        Files.write(dir.resolve(".config"), new byte[] {'C', (byte) 0xa6, 'X', '\n'});
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "conf", "-s",
                "--olddefconfig", "Kconfig").directory(dir.toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("srctree", dir.toString());
        pb.environment().put("KCONFIG4J_PROBE_CACHE", "off");
        assertThat(pb.start().waitFor()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("err"))).isEqualTo(".config:1:warning: unexpected data: C\u00a6X\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void reasonsAreStrerrorsWords() {
        assertThat(KconfigException.reason(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(KconfigException.reason(new IOException("Read-only file system"))).isEqualTo("Read-only file system");
        assertThat(KconfigException.reason(new AccessDeniedException("/x"))).isEqualTo("Permission denied");
    }
}
