package dev.kconfig4j.diagnostic;

import java.util.Objects;

/**
 * One warning or error found while loading a tree, reading a config or analysing: where, how
 * bad, what, and the kernel's exact text for it.
 *
 * @param severity whether the operation went on ({@link Severity#WARNING}) or failed
 * @param file the file concerned, or null when none applies
 * @param line the line in {@code file} (1-based), or 0 when none applies
 * @param message what is wrong, without the location (for showing next to what it concerns)
 * @param text the whole text the kernel's tools print, location included, without the final
 *     newline; several lines for a report such as a recursive dependency
 */
public record Diagnostic(Severity severity, String file, int line, String message, String text) {
    /**
     * How bad a diagnostic is. A {@link #NOTE} is a remark the kernel's conf prints on standard
     * output (not standard error) and goes on, such as a bool symbol compared with m.
     */
    public enum Severity { NOTE, WARNING, ERROR }

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(text);
    }

    /** A warning in the kernel's usual form, {@code file:line:warning: message}. */
    public static Diagnostic warning(String file, int line, String message) {
        return new Diagnostic(Severity.WARNING, file, line, message, file + ":" + line + ":warning: " + message);
    }

    /** An error reported as {@code file:line: message}, before the operation fails. */
    public static Diagnostic error(String file, int line, String message) {
        return new Diagnostic(Severity.ERROR, file, line, message, file + ":" + line + ": " + message);
    }

    /** A remark printed on standard output, as the kernel prints it: {@code text} without a location. */
    public static Diagnostic note(String file, int line, String text) {
        return new Diagnostic(Severity.NOTE, file, line, text, text);
    }

    /** Whether the kernel's tools print it on standard output rather than standard error. */
    public boolean onStandardOutput() {
        return severity == Severity.NOTE;
    }

    /** The text as printed: {@link #text()} and its newline. */
    public String printed() {
        return text + "\n";
    }
}
