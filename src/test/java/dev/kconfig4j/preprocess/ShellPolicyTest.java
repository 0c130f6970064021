package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shell policy on a tree whose Kconfig tries to write a file: with deny and with replay the
 * file is never created, and replay gives the same configuration as the recorded run.
 */
class ShellPolicyTest {
    private static final String HOSTILE = """
            config PROBE
            	def_bool $(shell,touch pwned; echo y)
            config NAME
            	string "name"
            	default "$(shell,echo host)"
            """;

    @Test
    void denyStopsAtTheFirstCommandAndRunsNothing() {
        ConfRun.Result r = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "deny").run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Kconfig:2: shell command not run (shell policy deny): touch pwned; echo y"
                + " (to analyse the tree without running it, use --shell=deny=n or --shell=replay=FILE)\n");
        assertThat(Files.exists(r.dir().resolve("pwned"))).isFalse();
        assertThat(r.config()).isNull();
    }

    @Test
    void replayAnswersFromTheRecordingWithoutRunningAnything() throws Exception {
        Path recording = Files.createTempDirectory("kconfig4j-rec-").resolve("probes.json");
        ConfRun.Result recorded = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "record=" + recording)
                .run("--olddefconfig");
        assertThat(recorded.exit()).isZero();
        assertThat(Files.exists(recorded.dir().resolve("pwned"))).isTrue(); // recording runs the commands
        assertThat(Files.readString(recording)).contains("\"command\" : \"touch pwned; echo y\"");

        ConfRun.Result replayed = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "replay=" + recording)
                .run("--olddefconfig");
        assertThat(replayed.exit()).isZero();
        assertThat(Files.exists(replayed.dir().resolve("pwned"))).isFalse();
        assertThat(replayed.config()).isEqualTo(recorded.config()).contains("CONFIG_PROBE=y\nCONFIG_NAME=\"host\"\n");
    }

    @Test
    void replayRefusesACommandThatWasNotRecorded() throws Exception {
        Path recording = Files.createTempDirectory("kconfig4j-rec-").resolve("probes.json");
        Files.writeString(recording, "{\"version\":1,\"commands\":[]}");
        ConfRun.Result r = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "replay=" + recording)
                .run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("Kconfig:2: shell command not in the recording ");
        assertThat(Files.exists(r.dir().resolve("pwned"))).isFalse();
    }

    @Test
    void denyWithAFallbackRunsNothingAndGoesOn() {
        ConfRun.Result r = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "deny=n").run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(Files.exists(r.dir().resolve("pwned"))).isFalse();
        assertThat(r.stderr()).isEqualTo("Kconfig:2:warning: shell command not run (shell policy deny=n): touch pwned;"
                + " echo y\nKconfig:5:warning: shell command not run (shell policy deny=n): echo host\n");
        assertThat(r.body()).isEqualTo("CONFIG_NAME=\"n\"\n");
    }

    @Test
    void cacheCommandClearsTheProbeCache() throws Exception {
        Path dir = Files.createTempDirectory("kconfig4j-cache-");
        ProbeCache cache = ProbeCache.open(dir);
        Files.createDirectories(dir.resolve("snapshots"));
        Files.writeString(dir.resolve("snapshots/x.snapshot"), "");
        Files.createDirectories(dir.resolve("trees/0123abcd/arch"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true)) {
            int exit = dev.kconfig4j.cli.Cli.execute(new dev.kconfig4j.cli.Cli.Context(
                    java.util.Map.of("KCONFIG4J_CACHE_DIR", dir.toString()), dir, o, o, x -> null), "cache", "--clear");
            assertThat(exit).isZero();
        }
        assertThat(out.toString()).isEqualTo("probe cache cleared: " + dir.resolve("probes") + "\n"
                + "parsed trees cleared: " + dir.resolve("snapshots") + "\n"
                + "git revisions cleared: " + dir.resolve("trees") + "\n");
        assertThat(dir.resolve("snapshots")).doesNotExist();
        assertThat(dir.resolve("trees")).doesNotExist();
        assertThat(cache.hits()).isZero();
    }

    @Test
    void cacheCommandShowsWhatEachCacheHolds() throws Exception {
        Path dir = Files.createTempDirectory("kconfig4j-cache-");
        ProbeCache.open(dir);
        Files.createDirectories(dir.resolve("snapshots"));
        Files.write(dir.resolve("snapshots/x.snapshot"), new byte[3 << 20]);
        Files.writeString(dir.resolve("snapshots/y.snapshot"), "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true)) {
            int exit = dev.kconfig4j.cli.Cli.execute(new dev.kconfig4j.cli.Cli.Context(
                    java.util.Map.of("KCONFIG4J_CACHE_DIR", dir.toString()), dir, o, o, x -> null), "cache");
            assertThat(exit).isZero();
        }
        assertThat(out.toString()).isEqualTo("cache: " + dir + "\n"
                + "  probes/           0 files       0.0 MiB  probe results\n"
                + "  snapshots/        2 files       3.0 MiB  parsed trees\n"
                + "  trees/            0 files       0.0 MiB  git revisions\n");
    }

    @Test
    void anUnknownPolicyIsAClearError() {
        ConfRun.Result r = ConfRun.tree("6.12", HOSTILE).env("KCONFIG4J_SHELL", "sometimes").run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(
                "unknown shell policy 'sometimes' (allow, deny, deny=TEXT, record=FILE, replay=FILE)\n");
        assertThat(Files.exists(r.dir().resolve("pwned"))).isFalse();
    }
}
