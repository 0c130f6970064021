package dev.kconfig4j.diagnostic;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where an operation reports its diagnostics: it keeps them, in order, for the result, and tells
 * a listener of each as it comes. The command line's listener prints them, so that they
 * interleave with a tree's own output ({@code $(info,...)}, shell commands) as in the kernel's
 * tools. Safe to share between threads.
 */
public final class Diagnostics {
    private final List<Diagnostic> reported = new ArrayList<>();
    private final Consumer<Diagnostic> listener;

    /** Diagnostics kept for the result only. */
    public Diagnostics() {
        this(d -> { });
    }

    /** Diagnostics kept and each passed to {@code listener} when reported. */
    public Diagnostics(Consumer<Diagnostic> listener) {
        this.listener = listener;
    }

    /** Diagnostics kept and each printed to {@code out} as the kernel's tools print it. */
    public static Diagnostics printingTo(PrintStream out) {
        return new Diagnostics(d -> out.print(d.printed()));
    }

    /**
     * Diagnostics kept and each printed as the kernel's tools print it: notes to {@code out},
     * warnings and errors to {@code err}.
     */
    public static Diagnostics printingTo(PrintStream out, PrintStream err) {
        return new Diagnostics(d -> (d.onStandardOutput() ? out : err).print(d.printed()));
    }

    public void report(Diagnostic d) {
        synchronized (reported) {
            reported.add(d);
        }
        listener.accept(d);
    }

    /** Reports {@link Diagnostic#warning}. */
    public void warning(String file, int line, String message) {
        report(Diagnostic.warning(file, line, message));
    }

    /** Everything reported so far, in order. */
    public List<Diagnostic> list() {
        synchronized (reported) {
            return List.copyOf(reported);
        }
    }

    /** How many were reported so far. */
    public int size() {
        synchronized (reported) {
            return reported.size();
        }
    }
}
