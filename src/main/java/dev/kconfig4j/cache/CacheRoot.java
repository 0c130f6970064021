package dev.kconfig4j.cache;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one private directory that holds every cache kconfig4j keeps across runs, and the rules for
 * trusting what is found there.
 *
 * <p><b>Where.</b> {@code $KCONFIG4J_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/kconfig4j}, else
 * {@code $HOME/.cache/kconfig4j} (empty values count as unset, as the XDG specification says). Inside
 * it: {@value #PROBES}/ (the probe cache), {@value #SNAPSHOTS}/ (parsed trees), {@value #TREES}/ (git
 * revisions written out by {@code impact}) and {@value #OBJDIR}/ (where probes run).
 *
 * <p><b>Trust.</b> A cache is only as good as the files in it: an entry another user wrote could
 * make a run give a wrong result. So the directory is created with mode 0700, and a directory or
 * entry is used only if it is what it claims to be (a directory, a regular file: never a symbolic
 * link), is owned by the user running kconfig4j and cannot be written by group or others.
 * Anything else is refused with a warning (once per process and reason) and the run goes on
 * without that cache, so the result is the same, only slower. Inside a private directory another
 * (non-root) user cannot create or replace anything, which is what authenticates an entry; the
 * checksums entries carry only detect damage.
 */
public final class CacheRoot {
    public static final String PROBES = "probes";
    public static final String SNAPSHOTS = "snapshots";
    public static final String TREES = "trees";
    public static final String OBJDIR = "objdir";

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static volatile Integer uid;

    private CacheRoot() {
    }

    /**
     * The root directory in {@code environment} (see the class comment).
     *
     * @throws IllegalStateException if none of the three variables is set
     */
    public static Path location(Map<String, String> environment) {
        String explicit = environment.get("KCONFIG4J_CACHE_DIR");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "kconfig4j").toAbsolutePath();
        }
        String home = environment.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home, ".cache", "kconfig4j").toAbsolutePath();
        }
        throw new IllegalStateException("no cache directory: none of KCONFIG4J_CACHE_DIR, XDG_CACHE_HOME, HOME is set");
    }

    /**
     * Why {@code file} must not be trusted, or null if it may: it must be a directory (if
     * {@code directory}) or a regular file, not a symbolic link, owned by this user and not
     * writable by group or others.
     */
    public static String distrust(Path file, boolean directory) {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "cannot read its owner and mode (" + e.getMessage() + ")";
        }
        int mode = (Integer) attributes.get("mode");
        int type = mode & 0170000;
        if (type != (directory ? 0040000 : 0100000)) {
            return type == 0120000 ? "is a symbolic link" : "is not a " + (directory ? "directory" : "regular file");
        }
        int owner = (Integer) attributes.get("uid");
        if (owner != currentUid()) {
            return "is owned by uid " + owner + ", not by this user (uid " + currentUid() + ")";
        }
        if ((mode & 0022) != 0) {
            return String.format("can be written by other users (mode %04o)", mode & 07777);
        }
        return null;
    }

    /**
     * {@code dir}, created with mode 0700 if missing (its parents as usual), after checking that it
     * may be trusted.
     *
     * @throws Untrusted if it exists and must not be trusted
     * @throws IOException if it cannot be created
     */
    public static Path privateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // Another run made it first: checked below like any existing directory.
            } catch (UnsupportedOperationException noPosix) {
                Files.createDirectory(dir);
            }
        }
        String why = distrust(dir, true);
        if (why != null) {
            throw new Untrusted(dir, why);
        }
        return dir;
    }

    /** Writes a file's content (for {@link #writeAtomically}). */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path file) throws IOException;
    }

    /**
     * Writes {@code target} through a temp file (named {@code tempPrefix...}) in its directory,
     * renamed into place, so that a concurrent reader finds the old file or the new one, never a
     * part; the temp file is removed if anything fails.
     */
    public static void writeAtomically(Path target, String tempPrefix, FileWriter content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), tempPrefix, ".tmp");
        try {
            content.write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray temp file is removed by pruning or `kconfig4j cache --clear`.
                }
            }
        }
    }

    /**
     * Reports {@code message} to {@code warnings} as kconfig4j's own warning
     * ({@code kconfig4j: warning: ...}) unless this process has reported it already.
     */
    public static void warnOnce(Diagnostics warnings, String message) {
        if (warnings != null && WARNED.add(message)) {
            warnings.report(new Diagnostic(Diagnostic.Severity.WARNING, null, 0, message, "kconfig4j: warning: " + message));
        }
    }

    /** The real user id of this process. */
    public static int currentUid() {
        Integer known = uid;
        if (known == null) {
            known = (int) new com.sun.security.auth.module.UnixSystem().getUid();
            uid = known;
        }
        return known;
    }

    /** A cache directory or entry that must not be used. */
    public static final class Untrusted extends IOException {
        private static final long serialVersionUID = 1L;

        public Untrusted(Path path, String why) {
            super(path + " " + why + "; not used as a cache");
        }
    }
}
