package dev.kconfig4j.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kconfig4j menuconfig} outside a terminal: one line, exit status 1, no file touched. */
class MenuconfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutATerminalItSaysSoAndExitsOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = Cli.execute(new Cli.Context(Map.of("PATH", "/usr/bin:/bin", "TERM", "dumb"), dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), e, x -> null), "nconfig",
                "--srctree", ".");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "kconfig4j menuconfig: needs a terminal (standard input and output on a tty, TERM set)\n");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
