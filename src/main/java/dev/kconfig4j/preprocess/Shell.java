package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@code $(shell,command)}: {@code /bin/sh -c command} in the object directory, with the
 * environment conf would pass on, no input, and stderr passed through. The result follows the
 * kernel byte for byte, including its limits (checked against conf 5.10, 6.1 and 6.12):
 * <ol>
 *   <li>only the first {@value #MAX_OUTPUT} bytes of stdout count (the kernel reads into a
 *       4096-byte buffer); the rest is read and dropped so the command never blocks;
 *   <li>trailing {@code \n} bytes are removed ({@code \r} is kept);
 *   <li>every remaining {@code \n} becomes a space;
 *   <li>the text ends at the first NUL byte (the kernel's result is a C string), which is
 *       applied last, so {@code "a\n\0"} gives {@code "a "}.
 * </ol>
 * The exit status is ignored.
 *
 * <p>Two kinds of commands need no {@code /bin/sh}, with the same result: those made only of the
 * shell's builtins on literal words ({@link PlainCommands}: answered without a process), and the
 * kernel's {@code if-success} probes ({@link SuccessProbes}: their command runs alone, without
 * the shell, {@code mkdir} and {@code rm} processes around it).
 *
 * <p>The {@link ShellPolicy} is asked first: it may refuse the command (deny) or answer it from a
 * recording (replay); a recording policy is told every output.
 *
 * <p>With an enabled {@link ProbeCache}, a command whose key is cached is not run: its stored
 * stderr bytes are written to the stderr stream and its stored stdout gives the result. A command
 * that runs then always has its stderr captured (never inherited), so that it can be stored.
 */
final class Shell {
    static final int MAX_OUTPUT = 4095;

    private final Map<String, String> environment;
    private final File workingDirectory;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Diagnostics diagnostics;
    private final Charset charset;
    private final ProbeCache cache;
    private final ShellPolicy policy;
    /** Runs probes ahead of their turn (see {@link ProbeAhead}); null when commands run in turn. */
    private ProbeAhead ahead;
    /** This is the lookahead's shell: it runs nothing, it hands commands to {@link #ahead}. */
    private final boolean lookahead;
    /** How many commands this shell was asked to run: the number of the next one. */
    private int calls;
    /** Told every command answered with the probe cache enabled: command, stdout, stderr. */
    private ProbeListener probeListener = (command, stdout, stderr) -> { };

    interface ProbeListener {
        void ran(String command, byte[] stdout, byte[] stderr);
    }

    /** For a lookahead: whether its commands' answers are waited for (in an immediate assignment). */
    private boolean waitForAnswers;

    /** For a lookahead: wait for the answers of the commands from now on, or stop waiting. */
    void waitForAnswers(boolean wait) {
        waitForAnswers = wait;
    }

    /** Lets {@code ahead} answer this shell's commands from now on (null: each runs in turn). */
    void runAhead(ProbeAhead ahead) {
        this.ahead = ahead;
    }

    void onProbe(ProbeListener listener) {
        this.probeListener = listener;
    }

    Shell(Map<String, String> environment, Path workingDirectory, PrintStream stdout, PrintStream stderr,
            Charset charset) {
        this(environment, workingDirectory, stdout, stderr, charset, ProbeCache.disabled(), ShellPolicy.allow(),
                Diagnostics.printingTo(stderr));
    }

    Shell(Map<String, String> environment, Path workingDirectory, PrintStream stdout, PrintStream stderr,
            Charset charset, ProbeCache cache, ShellPolicy policy, Diagnostics diagnostics) {
        this(environment, workingDirectory, stdout, stderr, charset, cache, policy, diagnostics, null, false);
    }

    Shell(Map<String, String> environment, Path workingDirectory, PrintStream stdout, PrintStream stderr,
            Charset charset, ProbeCache cache, ShellPolicy policy, Diagnostics diagnostics, ProbeAhead ahead,
            boolean lookahead) {
        this.ahead = ahead;
        this.lookahead = lookahead;
        this.environment = environment;
        this.workingDirectory = workingDirectory.toFile();
        this.stdout = stdout;
        this.stderr = stderr;
        this.charset = charset;
        this.cache = cache;
        this.policy = policy;
        this.diagnostics = diagnostics;
    }

    String run(String command, String file, int line) {
        if (lookahead) {
            return ahead.ahead(calls++, command, charset, waitForAnswers);
        }
        // What we printed so far must come before anything the command writes to the same stream.
        stdout.flush();
        stderr.flush();
        ProbeCache.Result given = policy.before(command, file, line, diagnostics);
        if (given != null) {
            if (given.stderr() != null && given.stderr().length > 0) {
                stderr.write(given.stderr(), 0, given.stderr().length);
                stderr.flush();
            }
            return text(given.stdout().clone(), charset);
        }
        int index = calls++;
        Answer answer = ahead != null ? ahead.take(index, command) : null;
        if (answer == null) {
            boolean inherit = stderr == System.err && policy.mode() != ShellPolicy.Mode.RECORD;
            answer = compute(command, inherit, ahead);
            if (ahead != null) {
                ahead.done(index, command, answer);
            }
        }
        if (answer.failure() != null) {
            throw new KconfigException(file, line, answer.failure());
        }
        if (cache.isEnabled()) {
            probeListener.ran(command, answer.stdout().clone(), answer.stderr());
        }
        policy.after(command, new ProbeCache.Result(answer.stdout().clone(), answer.stderr()));
        if (answer.stderr() != null && answer.stderr().length > 0) {
            stderr.write(answer.stderr(), 0, answer.stderr().length);
            stderr.flush();
        }
        return text(answer.stdout().clone(), charset);
    }

    /**
     * What one command gave (from the probe cache or by running): its stdout as captured and its
     * stderr (null if it went straight to our stderr); or why it could not run.
     */
    record Answer(byte[] stdout, byte[] stderr, String failure) {
    }

    /**
     * Answers {@code command}: from the probe cache if it has it, else by running it (and storing
     * the result). Writes nothing: the caller writes the captured stderr at the command's turn.
     * Safe to call from several threads at once (the pool of {@link ProbeAhead}).
     *
     * @param inheritStderr let an uncached command write to our stderr directly
     * @param ahead told (to start the lookahead) when the command must really run; may be null
     */
    Answer compute(String command, boolean inheritStderr, ProbeAhead ahead) {
        byte[] key = null;
        if (cache.isEnabled()) {
            key = cache.key(command, environment, workingDirectory.toPath());
            ProbeCache.Result cached = cache.lookup(key);
            if (cached != null) {
                return new Answer(cached.stdout(), cached.stderr(), null);
            }
        }
        byte[] plain = PlainCommands.output(command);
        if (plain != null) {
            if (key != null) {
                cache.store(key, new ProbeCache.Result(plain.clone(), new byte[0]));
            }
            return new Answer(plain, new byte[0], null);
        }
        SuccessProbes.Probe probe = SuccessProbes.parse(command);
        if (probe != null) {
            Answer answer = runWithoutShell(probe, key, ahead);
            if (answer != null) {
                return answer;
            }
        }
        if (ahead != null) {
            ahead.start(this);
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workingDirectory);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path stderrCopy = null;
        try {
            if (inheritStderr && key == null) {
                builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            } else {
                // A file rather than a pipe: reading two pipes would need a second thread.
                stderrCopy = Files.createTempFile("kconfig4j-shell", ".err");
                builder.redirectError(stderrCopy.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = readCapped(in);
            }
            int status = exitStatus(process);
            if (status < 0) {
                return INTERRUPTED;
            }
            byte[] errors = stderrCopy != null ? Files.readAllBytes(stderrCopy) : null;
            // A command that died of a signal (SIGPIPE in a pipeline under pipefail, say: a status
            // of 128 or more) may answer otherwise next time: it is not remembered.
            if (key != null && status < 128) {
                cache.store(key, new ProbeCache.Result(output.clone(), errors));
            }
            return new Answer(output, errors, null);
        } catch (IOException e) {
            return new Answer(null, null, "cannot run shell command '" + command + "': " + e.getMessage());
        } finally {
            if (stderrCopy != null) {
                try {
                    Files.deleteIfExists(stderrCopy);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the expansion result is what matters.
                }
            }
        }
    }

    /**
     * Runs an {@code if-success} probe's command without {@code /bin/sh} (see {@link
     * SuccessProbes}), or returns null when the shell must run it: the environment the shell would
     * export is not known here, or the command cannot start (the shell reports that as always).
     */
    private Answer runWithoutShell(SuccessProbes.Probe probe, byte[] key, ProbeAhead ahead) {
        Map<String, String> env = probeEnvironment();
        if (env == null || !SuccessProbes.lookupAsTheShell(probe.argv().get(0), environment)) {
            return null;
        }
        if (ahead != null) {
            ahead.start(this);
        }
        Path temp = probe.tempDirectory() ? temporaryDirectory() : null;
        try {
            ProcessBuilder builder = new ProcessBuilder(probe.argv(temp == null ? "" : temp.getFileName().toString()))
                    .directory(workingDirectory)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return null;
            }
            try (OutputStream input = process.getOutputStream()) {
                if (probe.input() != null) {
                    input.write(probe.input());
                }
            } catch (IOException ignored) {
                // The command ended without reading its input, as it may in the shell's pipe.
            }
            int status = exitStatus(process);
            if (status < 0) {
                return INTERRUPTED;
            }
            byte[] output = (status == 0 ? probe.success() : probe.failure()).clone();
            if (key != null && status < 128) {
                cache.store(key, new ProbeCache.Result(output.clone(), new byte[0]));
            }
            return new Answer(output, new byte[0], null);
        } finally {
            if (temp != null) {
                removeTree(temp);
            }
        }
    }

    private static final Answer INTERRUPTED = new Answer(null, null, "interrupted while running a shell command");

    /** The process's exit status, or -1 when this thread was interrupted (the process is then destroyed). */
    private static int exitStatus(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return -1;
        }
    }

    private Map<String, String> probeEnvironment;
    private boolean probeEnvironmentKnown;

    private synchronized Map<String, String> probeEnvironment() {
        if (!probeEnvironmentKnown) {
            probeEnvironment = SuccessProbes.shellEnvironment(environment, workingDirectory.toPath());
            probeEnvironmentKnown = true;
        }
        return probeEnvironment;
    }

    private static final AtomicInteger TEMPORARY = new AtomicInteger();

    /**
     * A new {@code .tmp_PID_N} directory in the working directory, as {@code mkdir .tmp_$$} makes
     * one (the underscore keeps it apart from every shell's); when it cannot be made, its name all
     * the same: the command then fails to write into it, as after the shell's failed mkdir.
     */
    private Path temporaryDirectory() {
        while (true) {
            Path dir = workingDirectory.toPath().resolve(".tmp_" + ProcessHandle.current().pid() + "_" + TEMPORARY.incrementAndGet());
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                return dir;
            }
        }
    }

    /** {@code rm -rf DIR}: the directory and everything in it, symbolic links not followed. */
    private static void removeTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Not made, or already gone; a leftover directory is what a killed shell leaves too.
        }
    }

    /** The expansion of captured stdout (the kernel's rules, applied in place). */
    static String text(byte[] output, Charset charset) {
        return new String(output, 0, resultLength(output), charset);
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] kept = in.readNBytes(MAX_OUTPUT);
        in.transferTo(OutputStream.nullOutputStream());
        return kept;
    }

    /** Applies the kernel's rules in place and returns the length of the result. */
    static int resultLength(byte[] output) {
        int length = output.length;
        while (length > 0 && output[length - 1] == '\n') {
            length--;
        }
        for (int i = 0; i < length; i++) {
            if (output[i] == '\n') {
                output[i] = ' ';
            } else if (output[i] == 0) {
                return i;
            }
        }
        return length;
    }
}
