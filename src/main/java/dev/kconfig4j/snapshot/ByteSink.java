package dev.kconfig4j.snapshot;

import dev.kconfig4j.cache.ContentCheck;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The buffer between a snapshot's {@code DataOutputStream} and its file, without the locking of
 * the JDK's {@code BufferedOutputStream}: a snapshot is ~11 MB written mostly a byte at a time
 * (varints, tags), and every {@code writeInt} is four calls of {@code write(int)}. Each chunk
 * passes the {@link ContentCheck} on its way to the file.
 */
final class ByteSink extends OutputStream {
    private final byte[] buffer = new byte[1 << 16];
    private int count;
    private final OutputStream file;
    private final ContentCheck check;

    /** In front of {@code file}; every byte passed on is checked by {@code check}. */
    ByteSink(OutputStream file, ContentCheck check) {
        this.file = file;
        this.check = check;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - count) {
            flushBuffer();
            if (len > buffer.length) { // larger than the buffer: straight through
                pass(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
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
        flushBuffer();
        file.flush();
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        file.close();
    }
}
