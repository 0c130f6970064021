package dev.kconfig4j.conf;

/**
 * The pseudo-random generator behind glibc's {@code srand}/{@code rand}, reproduced so that
 * {@code --randconfig} draws the same numbers as the kernel's {@code conf} for the same seed.
 *
 * <p>glibc's default generator ("TYPE_3" of {@code random_r}) is an additive lagged Fibonacci
 * generator over 32-bit words with lags 31 and 3:
 * <pre>
 *   o[i] = o[i - 31] + o[i - 3]   (mod 2^32)
 *   rand() = o[i] >>> 1           (the least random bit is dropped: 0 .. 2^31-1)
 * </pre>
 * Seeding ({@code srand(seed)}) fills the 31 state words with the "minimal standard" Lehmer
 * generator: {@code r[0] = seed} (a seed of 0 counts as 1), then
 * {@code r[i] = 16807 * r[i-1] mod (2^31 - 1)} for i = 1..30, computed with Schrage's method
 * so it never overflows. The seed is reinterpreted as a signed 32-bit value and the recurrence
 * runs on signed 32-bit words (C division truncating towards zero), so seeds of 2^31 and above
 * start from a negative word. Finally the first 310 outputs (ten times the state size) are
 * computed and discarded.
 *
 * <p>Not thread-safe; one instance is one {@code srand} stream.
 */
public final class GlibcRandom {
    private static final int DEGREE = 31;
    private static final int SEPARATION = 3;

    private final int[] state = new int[DEGREE];
    /** Index of the "front" word (glibc's fptr) and of the "rear" word (rptr). */
    private int front;
    private int rear;

    /** The generator as {@code srand(seed)} leaves it; {@code seed} is taken as a C {@code unsigned int}. */
    public GlibcRandom(int seed) {
        long s = Integer.toUnsignedLong(seed);
        if (s == 0) {
            s = 1;
        }
        state[0] = (int) s;
        int word = (int) s;
        for (int i = 1; i < DEGREE; i++) {
            long hi = word / 127773;
            long lo = word % 127773;
            long next = 16807 * lo - 2836 * hi;
            if (next < 0) {
                next += 2147483647;
            }
            word = (int) next;
            state[i] = word;
        }
        front = SEPARATION;
        rear = 0;
        for (int i = 0; i < DEGREE * 10; i++) {
            next();
        }
    }

    /** The next value of {@code rand()}: 0 to 2^31 - 1. */
    public int next() {
        int val = state[front] + state[rear];
        state[front] = val;
        front = (front + 1) % DEGREE;
        rear = (rear + 1) % DEGREE;
        return val >>> 1;
    }

    /** {@code rand() % bound} as C computes it (bound &gt; 0). */
    public int nextMod(int bound) {
        return next() % bound;
    }
}
