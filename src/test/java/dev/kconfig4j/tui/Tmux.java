package dev.kconfig4j.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a tmux server of its own (its own socket), one window of a given size
 * running a shell command; keys go in with {@code send-keys}, the screen comes out with
 * {@code capture-pane}, as a person types and reads.
 */
final class Tmux implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final String socket;
    private final Map<String, String> environment;

    private Tmux(String socket, Map<String, String> environment) {
        this.socket = socket;
        this.environment = environment;
    }

    /** Whether tmux can be run here; else the reason. */
    static String unavailable() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "tmux -V failed";
        } catch (IOException e) {
            return "tmux is not installed (apt-get install tmux)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Starts {@code command} (a shell command line) in a {@code columns}x{@code rows} window, in
     * {@code directory}, with exactly {@code environment} (and TERM, which tmux sets).
     */
    static Tmux start(Path directory, Map<String, String> environment, int columns, int rows, String command)
            throws IOException {
        Tmux t = new Tmux("kconfig4j-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet(),
                environment);
        t.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String.valueOf(columns), "-y",
                String.valueOf(rows), "-c", directory.toString(), command);
        return t;
    }

    /** Sends keys by tmux's names ({@code Down}, {@code Enter}, {@code Escape}, {@code C-c}) or single characters. */
    Tmux keys(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
        return this;
    }

    /** Types text literally. */
    Tmux text(String text) throws IOException {
        tmux("send-keys", "-t", "main", "-l", text);
        return this;
    }

    /** The window's text now, a row a line. */
    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-t", "main");
    }

    /** Changes the window's size, as a person resizing the terminal does. */
    Tmux resize(int columns, int rows) throws IOException {
        tmux("resize-window", "-t", "main", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
        return this;
    }

    /** Waits until the screen shows every one of {@code texts}; returns the screen, or fails with it. */
    String waitFor(Duration timeout, String... texts) throws IOException {
        return waitUntil(timeout, "the screen to show " + String.join(", ", texts), s -> {
            for (String t : texts) {
                if (!s.contains(t)) {
                    return false;
                }
            }
            return true;
        });
    }

    String waitFor(String... texts) throws IOException {
        return waitFor(Duration.ofSeconds(30), texts);
    }

    /** Whether the screen differs from {@code before} within {@code timeout}. */
    boolean changesWithin(Duration timeout, String before) throws IOException {
        try {
            waitUntil(timeout, "the screen to change", x -> !x.equals(before));
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /**
     * The screen once it stopped changing: two captures 400 ms apart that are equal (a redraw
     * arrives in pieces), or the last one after {@code max}.
     */
    String settled(Duration max) throws IOException {
        long end = System.nanoTime() + max.toNanos();
        String s = screen();
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            String next = screen();
            if (next.equals(s)) {
                return next;
            }
            s = next;
        }
        return s;
    }

    String waitUntil(Duration timeout, String what, Predicate<String> ready) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        String s = screen();
        while (!ready.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + s);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            s = screen();
        }
        return s;
    }

    private String tmux(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().clear();
        b.environment().putAll(environment);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    /** Ends the server and everything in it. */
    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (IOException alreadyGone) {
            // the server ends by itself when its last window closes
        }
    }

    /** Writes a shell script (for the window's command) that runs {@code lines} in order. */
    static Path script(Path directory, String name, String... lines) throws IOException {
        Path p = directory.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + String.join("\n", lines) + "\n");
        p.toFile().setExecutable(true);
        return p;
    }
}
