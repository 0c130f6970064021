package dev.kconfig4j.snapshot;

import dev.kconfig4j.cache.ContentCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a snapshot's bytes go on their way out: a plain array, without the locking of the JDK's
 * {@code ByteArrayOutputStream} and {@code BufferedOutputStream}. A snapshot is ~11 MB written
 * mostly a byte at a time (varints, tags) through {@code DataOutputStream}, whose every
 * {@code writeInt} is four calls of {@code write(int)}: behind those two streams, writing one
 * cost more than the encoding. Either in memory (growing; {@link #toByteArray}) or in
 * front of a file (a fixed buffer, each chunk passed to the {@link ContentCheck} on its way).
 */
final class ByteSink extends OutputStream {
    private byte[] buffer;
    private int count;
    private final OutputStream file;
    private final ContentCheck check;

    /** In memory. */
    ByteSink() {
        this.buffer = new byte[1 << 12];
        this.file = null;
        this.check = null;
    }

    /** In front of {@code file}; every byte passed on is checked by {@code check}. */
    ByteSink(OutputStream file, ContentCheck check) {
        this.buffer = new byte[1 << 16];
        this.file = file;
        this.check = check;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            makeRoom(1);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - count) {
            makeRoom(len);
            if (len > buffer.length) { // larger than a file's buffer: straight through
                pass(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    private void makeRoom(int len) throws IOException {
        if (file != null) {
            flushBuffer();
        } else {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + len));
        }
    }

    private void flushBuffer() throws IOException {
        pass(buffer, 0, count);
        count = 0;
    }

    private void pass(byte[] b, int off, int len) throws IOException {
        check.update(b, off, len);
        file.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (file != null) {
            flushBuffer();
            file.flush();
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            flushBuffer();
            file.close();
        }
    }
}
