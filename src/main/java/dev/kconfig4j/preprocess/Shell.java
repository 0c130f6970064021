package dev.kconfig4j.preprocess;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
    /** Told every command answered with the probe cache enabled: command, stdout, stderr. */
    private ProbeListener probeListener = (command, stdout, stderr) -> { };

    interface ProbeListener {
        void ran(String command, byte[] stdout, byte[] stderr);
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
        // What we printed so far must come before anything the command writes to the same stream.
        stdout.flush();
        stderr.flush();
        ProbeCache.Result given = policy.before(command, file, line, diagnostics);
        if (given != null) {
            if (given.stderr() != null && given.stderr().length > 0) {
                stderr.write(given.stderr(), 0, given.stderr().length);
                stderr.flush();
            }
            byte[] output = given.stdout().clone();
            return new String(output, 0, resultLength(output), charset);
        }
        byte[] key = null;
        if (cache.isEnabled()) {
            key = cache.key(command, environment, workingDirectory.toPath());
            ProbeCache.Result cached = cache.lookup(key);
            if (cached != null) {
                probeListener.ran(command, cached.stdout().clone(), cached.stderr());
                policy.after(command, new ProbeCache.Result(cached.stdout().clone(), cached.stderr()));
                if (cached.stderr().length > 0) {
                    stderr.write(cached.stderr(), 0, cached.stderr().length);
                    stderr.flush();
                }
                byte[] output = cached.stdout();
                return new String(output, 0, resultLength(output), charset);
            }
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workingDirectory);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path stderrCopy = null;
        try {
            if (stderr == System.err && key == null && policy.mode() != ShellPolicy.Mode.RECORD) {
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
            waitFor(process, file, line);
            byte[] errors = stderrCopy != null ? Files.readAllBytes(stderrCopy) : null;
            if (errors != null) {
                stderr.write(errors);
                stderr.flush();
            }
            if (key != null) {
                // Stored before resultLength rewrites the bytes in place.
                cache.store(key, new ProbeCache.Result(output.clone(), errors));
                probeListener.ran(command, output.clone(), errors);
            }
            policy.after(command, new ProbeCache.Result(output.clone(), errors));
            return new String(output, 0, resultLength(output), charset);
        } catch (IOException e) {
            throw new KconfigException(file, line, "cannot run shell command '" + command + "': " + e.getMessage());
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

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] kept = in.readNBytes(MAX_OUTPUT);
        in.transferTo(OutputStream.nullOutputStream());
        return kept;
    }

    private static void waitFor(Process process, String file, int line) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new KconfigException(file, line, "interrupted while running a shell command");
        }
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
