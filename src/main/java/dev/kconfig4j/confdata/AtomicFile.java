package dev.kconfig4j.confdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new one, never a
 * partial file: the content goes to a temporary file in the same directory, which then replaces
 * the target by a rename.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code content} (as bytes of ISO-8859-1, so any byte read in is written back unchanged). */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static void write(Path target, byte[] content) throws IOException {
        replace(target, content, null);
    }

    /**
     * As {@link #write(Path, String)}, but into a directory that must exist, as the kernel's
     * {@code savedefconfig} writes (it creates no directory; a missing one is an error).
     */
    public static void writeIntoExisting(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString());
        }
        write(target, content);
    }

    /**
     * Writes {@code content} to {@code target} as {@link #write(Path, byte[])} does, and, when
     * {@code backup} is not null, makes the previous {@code target} the backup the kernel's way:
     * the new content is written completely first (a full disk fails here, leaving both files
     * as they were), then the old file is renamed to {@code backup} in one step (a link is
     * renamed as a link; a failure such as a directory in the way is ignored, as the kernel
     * ignores it), then the new file is renamed into place.
     */
    public static void replace(Path target, byte[] content, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new java.nio.file.FileSystemException(target.toString(), null, "Not a directory");
            }
            Files.createDirectories(dir);
        }
        // Not Files.createTempFile: it makes the file 0600, and the result would keep that mode.
        // An exclusive create (O_EXCL: never through an existing file or link) gets 0666 minus the
        // umask, as the kernel's tools give their files.
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                tmp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            if (backup != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException kept) {
                    // The kernel's conf goes on without a backup too (a directory named
                    // .config.old, another file system): the new file still replaces the old.
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
