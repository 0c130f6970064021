package dev.kconfig4j.conf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Standard input read ahead: a daemon thread empties the source into memory as fast as data
 * arrives, from the moment it is started, and {@link #read()} hands the bytes out in order.
 *
 * <p>Why: programs drive {@code conf --oldconfig} with a writer that keeps writing newlines until
 * conf exits ({@code yes '' | make oldconfig}, test harnesses). The kernel's conf is done before
 * such a writer fills the pipe on small trees; a JVM that starts, parses a real tree and reads its
 * answers only then leaves the writer blocked on a full pipe for the whole run, and that blocked
 * write fails with EPIPE when conf exits. Reading ahead keeps the pipe empty, so the writer is
 * only ever held up while the JVM starts. What is read is exactly what the dialogue consumes,
 * byte for byte and in order: the answers and the transcript do not change.
 *
 * <p>At most {@link #LIMIT} bytes are held: beyond that the thread waits for the dialogue to
 * consume (no byte is ever dropped), which only a writer as fast as {@code yes} reaches; such a
 * writer then blocks as it would with the kernel's conf.
 */
public final class ReadAheadInput extends InputStream {
    /** The most bytes held in memory before the reading thread waits. */
    static final int LIMIT = 64 << 20;
    private static final int CHUNK = 64 << 10;

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;
    private long held;
    private boolean end;
    private IOException failure;

    private ReadAheadInput() {
    }

    /** Starts reading {@code source} ahead on a daemon thread; the source is read by nothing else. */
    public static ReadAheadInput start(InputStream source) {
        ReadAheadInput in = new ReadAheadInput();
        Thread t = new Thread(() -> in.drain(source), "stdin-read-ahead");
        t.setDaemon(true);
        t.start();
        return in;
    }

    private void drain(InputStream source) {
        byte[] buf = new byte[CHUNK];
        try {
            while (true) {
                int n = source.read(buf);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                synchronized (this) {
                    while (held >= LIMIT) {
                        wait();
                    }
                    chunks.add(chunk);
                    held += n;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            end = true;
            notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        if (position == current.length && !nextChunk()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position == current.length && !nextChunk()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Waits for the next chunk; false at the end of the input. */
    private synchronized boolean nextChunk() throws IOException {
        while (chunks.isEmpty() && !end) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading standard input");
            }
        }
        if (chunks.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            return false;
        }
        current = chunks.poll();
        position = 0;
        held -= current.length;
        notifyAll();
        return true;
    }

    @Override
    public synchronized int available() {
        return (int) Math.min(Integer.MAX_VALUE, current.length - position + held);
    }
}
