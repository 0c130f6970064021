package dev.kconfig4j.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kconfig4j.support.ConfRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --randconfig} against the kernel: every expected {@code .config} below is what the
 * kernel's own {@code scripts/kconfig/conf} (Debian's conf-5.10, conf-6.1, conf-6.12) wrote for the
 * same tree, seed and environment.
 */
class RandomConfigTest {
    private static final String PLAIN = """
            config MODULES
            	bool "modules"
            	default y
            	%s
            config A
            	bool "a"
            config B
            	tristate "b"
            config C
            	bool "c"
            config D
            	tristate "d"
            config E
            	tristate "e"
            config F
            	tristate "f"
            	depends on C
            config G
            	bool
            	default y
            """;

    private static String plain(String dialect) {
        return PLAIN.formatted(dialect.equals("5.10") ? "option modules" : "modules");
    }

    private static ConfRun.Result rand(ConfRun run, String seed) {
        return run.env("KCONFIG_SEED", seed).run("--randconfig");
    }

    @Test
    void menuOrderIn612() {
        ConfRun.Result r = rand(ConfRun.tree("6.12", plain("6.12")), "4");
        assertEquals(0, r.exit());
        assertEquals("KCONFIG_SEED=0x4\n", r.stdout());
        assertEquals("""
                CONFIG_MODULES=y
                # CONFIG_A is not set
                # CONFIG_B is not set
                CONFIG_C=y
                CONFIG_D=m
                CONFIG_E=m
                CONFIG_F=y
                CONFIG_G=y
                """, r.body());
    }

    @Test
    void hashOrderIn61And510() {
        String expected = """
                # CONFIG_MODULES is not set
                CONFIG_A=y
                # CONFIG_B is not set
                # CONFIG_C is not set
                CONFIG_D=y
                # CONFIG_E is not set
                CONFIG_G=y
                """;
        ConfRun.Result r61 = rand(ConfRun.tree("6.1", plain("6.1")), "4");
        assertEquals("KCONFIG_SEED=0x4\n", r61.stdout());
        assertEquals(expected, r61.body());
        ConfRun.Result r510 = rand(ConfRun.tree("5.10", plain("5.10")), "4");
        // 5.10 announces the seed on standard error.
        assertEquals("", r510.stdout());
        assertEquals("KCONFIG_SEED=0x4\n", r510.stderr());
        assertEquals(expected, r510.body());
    }

    @Test
    void hashBucketsDecideTheOrder() {
        String tree = """
                config A
                	bool "a"
                config B
                	bool "b"
                config C
                	bool "c"
                config D
                	bool "d"
                config E
                	bool "e"
                config F
                	bool "f"
                """;
        // Buckets: F 33, E 907, B 2192, A 3066, D 3940, C 9132.
        String byHash = "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=y\n# CONFIG_D is not set\n"
                + "# CONFIG_E is not set\n# CONFIG_F is not set\n";
        assertEquals(byHash, rand(ConfRun.tree("6.1", tree), "1").body());
        assertEquals(byHash, rand(ConfRun.tree("5.10", tree), "0x1").body());
        assertEquals("# CONFIG_A is not set\n# CONFIG_B is not set\n# CONFIG_C is not set\nCONFIG_D=y\n"
                + "# CONFIG_E is not set\nCONFIG_F=y\n", rand(ConfRun.tree("6.12", tree), "1").body());
    }

    @Test
    void probabilities() {
        assertEquals("""
                CONFIG_MODULES=y
                CONFIG_A=y
                CONFIG_B=m
                CONFIG_C=y
                CONFIG_D=y
                CONFIG_E=y
                CONFIG_F=m
                CONFIG_G=y
                """, rand(ConfRun.tree("6.12", plain("6.12")).env("KCONFIG_PROBABILITY", "100"), "7").body());
        String two = """
                # CONFIG_MODULES is not set
                # CONFIG_A is not set
                # CONFIG_B is not set
                # CONFIG_C is not set
                CONFIG_D=y
                CONFIG_E=y
                CONFIG_G=y
                """;
        assertEquals(two, rand(ConfRun.tree("6.12", plain("6.12")).env("KCONFIG_PROBABILITY", "20:30"), "7").body());
        assertEquals(two,
                rand(ConfRun.tree("6.12", plain("6.12")).env("KCONFIG_PROBABILITY", "10:60:30"), "7").body());
        // Text that is not a number reads as 0:0:0.
        assertEquals("""
                # CONFIG_MODULES is not set
                # CONFIG_A is not set
                # CONFIG_B is not set
                # CONFIG_C is not set
                # CONFIG_D is not set
                # CONFIG_E is not set
                CONFIG_G=y
                """, rand(ConfRun.tree("6.12", plain("6.12")).env("KCONFIG_PROBABILITY", "abc"), "7").body());
    }

    @Test
    void probabilitiesOutOfRange() {
        for (String p : new String[] {"60:50", "101", "-1"}) {
            ConfRun.Result r = rand(ConfRun.tree("6.12", plain("6.12")).env("KCONFIG_PROBABILITY", p), "7");
            assertEquals(1, r.exit(), p);
            assertEquals("KCONFIG_SEED=0x7\n", r.stdout(), p);
            assertEquals("KCONFIG_PROBABILITY: Numerical result out of range\n", r.stderr(), p);
            assertEquals(null, r.config(), p);
        }
    }

    @Test
    void seedParsing() {
        assertEquals(0x8, RandomConfig.seed("010"));
        assertEquals(0xA, RandomConfig.seed("10"));
        assertEquals(0x5, RandomConfig.seed(" 5"));
        assertEquals(0x7, RandomConfig.seed("+7"));
        assertEquals(0xFFFFFFFF, RandomConfig.seed("-1"));
        assertEquals(0x4876E7FF, RandomConfig.seed("99999999999"));
        assertEquals("KCONFIG_SEED=0x8\n", rand(ConfRun.tree("6.12", plain("6.12")), "010").stdout());
    }

    private static final String CHOICES_OLD = """
            config MODULES
            	bool "modules"
            	default y
            	%s
            config HIDDEN
            	bool
            choice
            	prompt "bool choice"
            	default B2
            config B1
            	bool "b1"
            config B2
            	bool "b2"
            config B3
            	bool "b3" if HIDDEN
            config B4
            	bool "b4"
            endchoice
            choice
            	prompt "optional choice"
            	optional
            config O1
            	bool "o1"
            config O2
            	bool "o2"
            endchoice
            choice
            	prompt "tristate choice"
            	tristate
            config T1
            	tristate "t1"
            config T2
            	tristate "t2"
            config T3
            	tristate "t3"
            endchoice
            config AFTER
            	tristate "after"
            	depends on B4 || T2
            """;

    @Test
    void choicesIn61() {
        String tree = CHOICES_OLD.formatted("modules");
        // With modules the tristate choice stays in m mode: its members keep their own draws.
        assertEquals("""
                CONFIG_MODULES=y
                # CONFIG_B1 is not set
                CONFIG_B2=y
                # CONFIG_B4 is not set
                # CONFIG_T1 is not set
                CONFIG_T2=m
                CONFIG_T3=m
                CONFIG_AFTER=m
                """, rand(ConfRun.tree("6.1", tree), "1").body());
        assertEquals("""
                # CONFIG_MODULES is not set
                CONFIG_B1=y
                # CONFIG_B2 is not set
                # CONFIG_B4 is not set
                # CONFIG_T1 is not set
                # CONFIG_T2 is not set
                CONFIG_T3=y
                """, rand(ConfRun.tree("6.1", tree), "5").body());
    }

    /**
     * The start of the trees of the two tests below: choice W (five members) is drawn last in a
     * pass, and choice T, under {@code if CE}, just before it; CE is promptless.
     */
    private static final String W_AND_T = """
                choice
                	prompt "w"
                config W1
                	bool "w1"
                config W2
                	bool "w2"
                config W3
                	bool "w3"
                config W4
                	bool "w4"
                config W5
                	bool "w5"
                endchoice
                if CE
                choice
                	prompt "t"
                config T1
                	bool "t1"
                config T2
                	bool "t2"
                endchoice
                endif
                config CE
                	bool
                """;

    /** W's lines in .config when the draw picked member {@code w}. */
    private static String wChose(String w) {
        StringBuilder lines = new StringBuilder();
        for (String m : List.of("W1", "W2", "W3", "W4", "W5")) {
            lines.append(m.equals(w) ? "CONFIG_" + m + "=y\n" : "# CONFIG_" + m + " is not set\n");
        }
        return lines.toString();
    }

    /**
     * Up to 6.1, within one pass over the choices, drawing a choice recomputes only that choice
     * and its members. V (under the family's default A) selects CE; choice U computes CE = y
     * before the family is drawn; when the family then becomes B, CE stays y for the rest of the
     * pass, so choice T (under {@code if CE}) still takes a draw, and W, drawn after it, gets
     * the next number. At the end CE is n and T is hidden: only W shows the draw T took.
     * (Found on 6.1 m68k, KCONFIG_SEED=9; expected texts are the kernel's.)
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"6.1, 2, W3", "6.1, 6, W2", "5.10, 4, W3", "5.10, 6, W2"})
    void aDrawnChoiceRecomputesOnlyItselfUntilTheNextPass(String version, String seed, String w) {
        String tree = W_AND_T + """
                choice
                	prompt "family"
                	default A
                config A
                	bool "a"
                config B
                	bool "b"
                endchoice
                config V
                	bool "v"
                	depends on A
                	select CE
                choice
                	prompt "u"
                	depends on CE
                config U1
                	bool "u1"
                config U2
                	bool "u2"
                endchoice
                """;
        assertEquals(wChose(w) + "# CONFIG_A is not set\nCONFIG_B=y\n", rand(ConfRun.tree(version, tree), seed).body());
    }

    /**
     * What a condition computes decides what stays: the kernel evaluates every operand. Choice U
     * ({@code depends on N && CE}, N always n) computes CE = y from the CPU choice's default X
     * before the CPU is drawn; when it becomes Y, CE stays y for the pass and T takes a draw that
     * W then lacks. Skipping CE after N = n would leave T without one. (5.10 m68k, KCONFIG_SEED=10;
     * expected texts are the kernel's.)
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"6.1, 2, W1", "6.1, 4, W5", "5.10, 3, W1", "5.10, 4, W5"})
    void aConditionComputesEveryOperandAsTheKernelDoes(String version, String seed, String w) {
        String tree = W_AND_T + """
                choice
                	prompt "cpu"
                	default X
                config X
                	bool "x"
                	select CE
                config Y
                	bool "y"
                endchoice
                config N
                	bool
                choice
                	prompt "u"
                	depends on N && CE
                config U1
                	bool "u1"
                config U2
                	bool "u2"
                endchoice
                """;
        assertEquals(wChose(w) + "# CONFIG_X is not set\nCONFIG_Y=y\n", rand(ConfRun.tree(version, tree), seed).body());
    }

    @Test
    void choicesIn510() {
        assertEquals("""
                CONFIG_MODULES=y
                CONFIG_B1=y
                # CONFIG_B2 is not set
                # CONFIG_B4 is not set
                # CONFIG_T1 is not set
                # CONFIG_T2 is not set
                CONFIG_T3=m
                """, rand(ConfRun.tree("5.10", CHOICES_OLD.formatted("option modules")), "6").body());
    }

    private static final String CHOICES_612 = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            config HIDDEN
            	bool
            choice
            	prompt "first choice"
            	default B2
            config B1
            	bool "b1"
            config B2
            	bool "b2"
            config B3
            	bool "b3" if HIDDEN
            config B4
            	bool "b4"
            endchoice
            config MID
            	tristate "mid"
            choice
            	prompt "second choice"
            config C1
            	bool "c1"
            config C2
            	bool "c2"
            config C3
            	bool "c3"
            endchoice
            config AFTER
            	tristate "after"
            	depends on B4 || C2
            """;

    @Test
    void choicesIn612() {
        assertEquals("""
                # CONFIG_MODULES is not set
                CONFIG_B1=y
                # CONFIG_B2 is not set
                # CONFIG_B4 is not set
                CONFIG_MID=y
                # CONFIG_C1 is not set
                CONFIG_C2=y
                # CONFIG_C3 is not set
                CONFIG_AFTER=y
                """, rand(ConfRun.tree("6.12", CHOICES_612), "1").body());
    }

    @Test
    void allconfigValuesComeFirstIn612() {
        ConfRun run = ConfRun.tree("6.12", CHOICES_612)
                .file("all.config", "CONFIG_C3=y\n# CONFIG_B1 is not set\n")
                .env("KCONFIG_ALLCONFIG", "all.config");
        assertEquals("""
                # CONFIG_MODULES is not set
                # CONFIG_B1 is not set
                # CONFIG_B2 is not set
                CONFIG_B4=y
                # CONFIG_MID is not set
                # CONFIG_C1 is not set
                # CONFIG_C2 is not set
                CONFIG_C3=y
                # CONFIG_AFTER is not set
                """, rand(run, "1").body());
    }
}
