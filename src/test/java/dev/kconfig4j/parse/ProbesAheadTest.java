package dev.kconfig4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.preprocess.ProbeCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parse runs its {@code $(shell,...)} probes concurrently, ahead of their turn
 * ({@link Preprocessor#runProbesAhead}), and gives exactly what running them in turn gives:
 * the same results, the same output in the same order, the same probes recorded.
 */
class ProbesAheadTest {
    @TempDir
    Path dir;

    /** What one parse gave: stdout, stderr, the probes (command = output) in order. */
    private record Run(String out, String err, List<String> probes) {
    }

    private Run parse(int jobs, ProbeCache cache) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "KCONFIG4J_PROBE_JOBS", "" + jobs));
        Preprocessor pp = new Preprocessor(env, dir, o, e, StandardCharsets.UTF_8, cache);
        new Parser(dir, dir, new dev.kconfig4j.expr.Names(), pp, dev.kconfig4j.diagnostic.Diagnostics.printingTo(e)).parse("Kconfig");
        List<String> probes = pp.probeRuns().stream()
                .map(p -> p.command() + " = " + new String(p.stdout(), StandardCharsets.UTF_8)).toList();
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), probes);
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void resultsOutputAndOrderAreThoseOfRunningEveryProbeInTurn() throws IOException {
        // Independent probes, probes whose text needs an earlier result (left for the parse),
        // a function whose body runs probes, stderr from probes between $(info) lines, a
        // sourced file, help text that mentions a probe.
        write("Kconfig", """
                cc-option = $(shell,sleep 0.1; echo "$(1)" >&2; echo y$(1))
                base := $(shell,echo b)
                derived := $(shell,echo $(base)c)
                $(info,base=$(base) derived=$(derived))
                config A
                \tdef_bool $(cc-option,-fa)
                \thelp
                \t  Not a probe: $(shell,echo never)
                config B
                \tstring
                \tdefault "$(shell,echo $(derived)$(derived))"
                source "sub/Kconfig"
                $(info,last=$(cc-option,-fz))
                """);
        write("sub/Kconfig", """
                config C
                \tdef_bool $(cc-option,-fc)
                $(info,sub=$(shell,printf '%s' one; echo two >&2))
                config D
                \tdef_bool $(cc-option,-fd)
                """);
        Run inTurn = parse(1, ProbeCache.disabled());
        Run ahead = parse(4, ProbeCache.disabled());
        assertThat(inTurn.out()).isEqualTo("base=b derived=bc\nsub=one\nlast=y-fz\n");
        assertThat(inTurn.err()).isEqualTo("-fa\n-fc\ntwo\n-fd\n-fz\n");
        assertThat(ahead).isEqualTo(inTurn);

        ProbeCache cache = ProbeCache.open(dir.resolve("cache"));
        Run cold = parse(4, cache);
        Run warm = parse(4, cache);
        assertThat(cold.probes()).hasSize(8).containsExactlyElementsOf(warm.probes()).contains("echo bc = bc\n");
        assertThat(List.of(cold.out(), cold.err())).isEqualTo(List.of(inTurn.out(), inTurn.err()));
        assertThat(List.of(warm.out(), warm.err())).isEqualTo(List.of(inTurn.out(), inTurn.err()));
    }

    @Test
    void laterProbesRunWhileAnEarlierOneIsStillRunning() throws IOException {
        // The first probe waits (up to 10 s) for a file that only the third probe creates: in
        // turn, it gives up; ahead of their turn, the third has run meanwhile. (Probes that
        // depend on each other like this are exactly what the kernel's never do.)
        write("Kconfig", """
                $(info,$(shell,for i in `seq 200`; do [ -e flag ] && break; sleep 0.05; done; \
                [ -e flag ] && echo concurrent || echo in-turn))
                config A
                \tdef_bool $(shell,echo y)
                config B
                \tdef_bool $(shell,touch flag; echo y)
                """);
        assertThat(parse(2, ProbeCache.disabled()).out()).isEqualTo("concurrent\n");
    }

    @Test
    void noLookaheadWithOneJob() throws IOException {
        write("Kconfig", """
                $(info,$(shell,sleep 0.5; [ -e flag ] && echo concurrent || echo in-turn))
                config B
                \tdef_bool $(shell,touch flag; echo y)
                """);
        assertThat(parse(1, ProbeCache.disabled()).out()).isEqualTo("in-turn\n");
    }

    @Test
    void helpTextAndProbesThatWriteFilesAreNotRunAhead() throws IOException, InterruptedException {
        write("Kconfig", """
                $(info,$(shell,sleep 0.5; ls))
                config A
                \tbool "a"
                \thelp
                \t  $(shell,touch in-help)
                config B
                \tdef_bool $(shell,echo x > written; echo y)
                config C
                \tdef_bool $(shell,touch last; echo y)
                """);
        String listing = parse(4, ProbeCache.disabled()).out();
        Thread.sleep(300);
        assertThat(listing).doesNotContain("written").doesNotContain("in-help");
        assertThat(dir.resolve("in-help")).doesNotExist();
        assertThat(dir.resolve("written")).exists();
        assertThat(dir.resolve("last")).exists();
    }

    @Test
    void commandsBuiltOnAnImmediateAssignmentRunAheadToo() throws IOException {
        // The lookahead waits for base's answer (an immediate assignment), so the four commands
        // that contain it are known to it and run together; derived's, of the builtins only, is
        // answered without a process.
        write("Kconfig", """
                base := $(shell,sleep 0.5; echo b)
                derived := $(shell,set -- $(base) x && echo $2)
                $(info,derived=$(derived))
                config A
                \tdef_bool $(shell,sleep 0.5; echo $(base)$(derived)1)
                config B
                \tdef_bool $(shell,sleep 0.5; echo $(base)$(derived)2)
                config C
                \tdef_bool $(shell,sleep 0.5; echo $(base)$(derived)3)
                config D
                \tdef_bool $(shell,sleep 0.5; echo $(base)$(derived)4)
                """);
        Run inTurn = parse(1, ProbeCache.disabled());
        long t0 = System.nanoTime();
        Run ahead = parse(4, ProbeCache.disabled());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ahead).isEqualTo(inTurn);
        assertThat(inTurn.out()).isEqualTo("derived=x\n");
        // In turn: 2.5 s of sleeps. Ahead: base, then the four at once, about 1 s.
        assertThat(millis).isLessThan(1800);
    }
}
