package dev.kconfig4j.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The value by which the caches tell that content changed: its length, CRC-32 and CRC-32C (64
 * bits that a change leaves equal by accident with a chance of about 2^-64). Not a cryptographic
 * digest, on purpose: both are computed by the JVM's intrinsics even before the JIT starts, where
 * SHA-256 of the ~6 MB of a tree's Kconfig files, of its snapshot, or of a 7 MB interpreter a
 * probe names costs a third of a short run. Forgery is prevented by ownership ({@link CacheRoot}),
 * not by this value; whoever can change the files it covers decides what they say anyway.
 */
public final class ContentCheck {
    /** The length of a value. */
    public static final int LENGTH = 16;

    private final CRC32 crc = new CRC32();
    private final CRC32C crcC = new CRC32C();
    private long length;

    /** Adds {@code count} bytes of {@code data} from {@code offset}. */
    public void update(byte[] data, int offset, int count) {
        crc.update(data, offset, count);
        crcC.update(data, offset, count);
        length += count;
    }

    /** The value of everything added so far. */
    public byte[] value() {
        return ByteBuffer.allocate(LENGTH).putLong(length).putInt((int) crc.getValue())
                .putInt((int) crcC.getValue()).array();
    }

    /** The value of the first {@code length} bytes of {@code data}. */
    public static byte[] of(byte[] data, int length) {
        ContentCheck c = new ContentCheck();
        c.update(data, 0, length);
        return c.value();
    }

    /** The value of the bytes of {@code data} from its position to its limit (which it consumes). */
    public static byte[] of(ByteBuffer data) {
        ContentCheck c = new ContentCheck();
        int count = data.remaining();
        c.crc.update(data.duplicate());
        c.crcC.update(data);
        c.length = count;
        return c.value();
    }

    /**
     * The value of the first {@code length} bytes of an open file, read from its start in blocks
     * (its position is left alone): the pages pass through the page cache, not through memory
     * the process keeps.
     *
     * @throws IOException if the file is shorter or cannot be read
     */
    public static byte[] of(java.nio.channels.FileChannel file, long length) throws IOException {
        ContentCheck c = new ContentCheck();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
            int n = file.read(buffer, position);
            if (n <= 0) {
                throw new IOException("file shorter than " + length + " bytes");
            }
            c.update(buffer.array(), 0, n);
            position += n;
        }
        return c.value();
    }

    /** The value of a file's content, read in blocks. */
    public static byte[] of(Path file) throws IOException {
        return of(file, new byte[1 << 16]);
    }

    /** The value of a file's content, read in blocks through {@code buffer} (to reuse one). */
    public static byte[] of(Path file, byte[] buffer) throws IOException {
        ContentCheck c = new ContentCheck();
        // java.io's stream where it can: a third cheaper than a channel's for the ~1,700 small
        // files a snapshot check reads (no channel, no temporary direct buffer).
        try (InputStream in = file.getFileSystem() == java.nio.file.FileSystems.getDefault()
                ? new java.io.FileInputStream(file.toFile()) : Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                c.update(buffer, 0, n);
            }
        }
        return c.value();
    }
}
