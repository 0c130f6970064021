package dev.kconfig4j;

/**
 * An error the user caused (bad Kconfig file, unreadable config, failing {@code $(error-if,...)}),
 * carrying where it happened. It is reported once, at the edge (the CLI), as
 * {@code file:line: message}; never as a stack trace.
 */
public class KconfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final boolean reported;

    /** An error at {@code file:line}; {@code file} may be null when no location applies. */
    public KconfigException(String file, int line, String message) {
        this(file, line, message, false);
    }

    private KconfigException(String file, int line, String message, boolean reported) {
        super(message);
        this.file = file;
        this.line = line;
        this.reported = reported;
    }

    /**
     * An error whose details were already printed where they were found (a multi-line report
     * such as a dependency cycle); the edge prints nothing more, it only fails.
     */
    public static KconfigException alreadyReported(String summary) {
        return new KconfigException(null, 0, summary, true);
    }

    /** Whether the details were already printed. */
    public boolean isReported() {
        return reported;
    }

    /** An error with no source location. */
    public KconfigException(String message) {
        this(null, 0, message);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The message as printed: {@code file:line: message}, or just the message without a location. */
    public String describe() {
        return file == null ? getMessage() : file + ":" + line + ": " + getMessage();
    }
}
