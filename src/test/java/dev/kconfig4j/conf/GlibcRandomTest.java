package dev.kconfig4j.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected values were printed by a C program built with gcc against glibc:
 * {@code srand(seed); for (...) printf("%d", rand());}.
 */
class GlibcRandomTest {
    private static int[] draw(int seed, int n) {
        GlibcRandom r = new GlibcRandom(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.next();
        }
        return out;
    }

    @Test
    void seedOne() {
        assertArrayEquals(new int[] {1804289383, 846930886, 1681692777, 1714636915, 1957747793, 424238335,
            719885386, 1649760492}, draw(1, 8));
    }

    @Test
    void seedZeroActsAsOne() {
        assertArrayEquals(draw(1, 8), draw(0, 8));
    }

    @Test
    void smallSeeds() {
        assertArrayEquals(new int[] {1505335290, 1738766719, 190686788, 260874575, 747983061, 906156498,
            1502820864, 142559277}, draw(2, 8));
        assertArrayEquals(new int[] {383100999, 858300821, 357768173, 455528251, 133005921, 116285904,
            591987137, 102557902}, draw(12345, 8));
        assertArrayEquals(new int[] {71876166, 708592740, 1483128881, 907283241, 442951012}, draw(42, 5));
    }

    @Test
    void largeSeeds() {
        assertArrayEquals(new int[] {1065668062, 2142264300, 1066566375, 1064012770, 2141034222, 1065509725,
            2135810236, 2139491828}, draw(0x7fffffff, 8));
        assertArrayEquals(new int[] {1336741213, 1210407648, 1447044896, 337392383, 82502902, 538660432,
            1313908778, 370221063}, draw(0x80000000, 8));
        assertArrayEquals(new int[] {254925627, 1205188300, 366127624, 1401405153, 76053476, 1604170158,
            1302235366, 362229243}, draw(0xffffffff, 8));
        assertArrayEquals(new int[] {2058147116, 854483408, 922419988, 286396165, 2068523933},
            draw((int) 3000000000L, 5));
    }

    @Test
    void longRun() {
        int[] v = draw(1, 400);
        assertEquals(950390868, v[399]);
    }
}
