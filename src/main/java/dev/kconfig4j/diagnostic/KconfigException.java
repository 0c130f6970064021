package dev.kconfig4j.diagnostic;

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

    /**
     * What went wrong in an I/O failure, in the C library's words (strerror), as the kernel's
     * tools say it: "No space left on device", "Read-only file system", "Permission denied".
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "Directory not empty";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            return "Not a directory";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        // A failed write on an open stream carries the strerror text as its message.
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * An input file that exists but cannot be read as a file: a directory, a FIFO (reading it
     * could wait forever), a device ({@code /dev/zero} never ends), a socket. Null when {@code p}
     * is a regular file or does not exist.
     */
    public static KconfigException notAFile(String shown, java.nio.file.Path p) {
        if (java.nio.file.Files.isRegularFile(p) || !java.nio.file.Files.exists(p)) {
            return null;
        }
        if (java.nio.file.Files.isDirectory(p)) {
            return new KconfigException(shown + ": Is a directory");
        }
        String kind = "a special file";
        try {
            int type = (Integer) java.nio.file.Files.getAttribute(p, "unix:mode") & 0170000;
            kind = switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> kind;
            };
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view: the general word will do.
        }
        return new KconfigException(shown + ": not a regular file (" + kind + ")");
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
