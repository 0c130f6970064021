package dev.kconfig4j.conf;

import dev.kconfig4j.confdata.BuildDirectory;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the {@code conf} tool: the mode, its file argument, the Kconfig file, and the
 * process context (environment, working directory, output streams) the kernel's tool would
 * have. Keeping the context explicit lets many runs share one JVM.
 *
 * @param mode the mode ({@code --olddefconfig}...)
 * @param modeFile the file of {@code --defconfig=FILE} / {@code --savedefconfig=FILE}, or null
 * @param kconfig the top Kconfig file argument
 * @param silent {@code -s}: no informational messages
 * @param environment the process environment
 * @param workingDirectory the working directory (the object tree)
 * @param out standard output
 * @param err standard error
 * @param in standard input (what the oldconfig dialogue reads)
 */
public record ConfRequest(Mode mode, String modeFile, String kconfig, boolean silent, Map<String, String> environment,
        Path workingDirectory, PrintStream out, PrintStream err, InputStream in) implements BuildDirectory {
    public ConfRequest {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(kconfig);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory);
        Objects.requireNonNull(out);
        Objects.requireNonNull(err);
        Objects.requireNonNull(in);
    }

    /** A request with empty standard input. */
    public ConfRequest(Mode mode, String modeFile, String kconfig, boolean silent, Map<String, String> environment,
            Path workingDirectory, PrintStream out, PrintStream err) {
        this(mode, modeFile, kconfig, silent, environment, workingDirectory, out, err, InputStream.nullInputStream());
    }

    /** An environment variable, or null. */
    @Override
    public String env(String name) {
        return environment.get(name);
    }

    /** Resolves a path argument against the working directory, as a process would. */
    @Override
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }

    /** Diagnostics printed as the kernel's conf prints them: notes on {@link #out}, the rest on {@link #err}. */
    @Override
    public Diagnostics diagnostics() {
        return Diagnostics.printingTo(out, err);
    }
}
