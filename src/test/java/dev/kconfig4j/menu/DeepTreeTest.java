package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Absurdly deep trees end quickly, with the kernel's result or an error naming the file and line,
 * never with a stack trace or an exhausted memory: blocks nest at most 10,000 deep, building the
 * menu tree is linear in that depth, and what still exhausts the stack (a chain of 100,000
 * symbols each depending on the next, which crashes the kernel's conf too) is one clear line.
 */
class DeepTreeTest {

    private static String nested(int depth, String open, String close) {
        return "config A\n\tbool \"a\"\n\tdefault y\n" + open.repeat(depth) + "config B\n\tbool \"b\"\n\tdefault y\n"
                + close.repeat(depth);
    }

    private static ConfRun.Result timed(ConfRun run, Duration limit) {
        Instant start = Instant.now();
        ConfRun.Result r = run.run("--olddefconfig");
        assertThat(Duration.between(start, Instant.now())).isLessThan(limit);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    void tenThousandNestedIfsAreBuiltInLinearTime() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", nested(10_000, "if A\n", "endif\n")), Duration.ofSeconds(20));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.body()).isEqualTo("CONFIG_A=y\nCONFIG_B=y\n");
    }

    @Test
    void aHundredThousandNestedIfsAreALocatedError() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", nested(100_000, "if A\n", "endif\n")), Duration.ofSeconds(20));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Kconfig:10004: blocks nested too deeply (more than 10000 if, menu and "
                + "choice blocks): simplify the tree\n");
        assertThat(r.config()).isNull();
    }

    @Test
    void aHundredThousandNestedMenusAreALocatedError() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", nested(100_000, "menu \"m\"\n", "endmenu\n")),
                Duration.ofSeconds(20));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("Kconfig:10004: blocks nested too deeply");
    }

    @Test
    void aChoiceInsideDeepIfsKeepsItsMembers() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", "config A\n\tbool \"a\"\n\tdefault y\n" + "if A\n".repeat(5000)
                + "choice\n\tprompt \"c\"\nconfig C1\n\tbool \"c1\"\nconfig C2\n\tbool \"c2\"\nendchoice\n"
                + "endif\n".repeat(5000)), Duration.ofSeconds(20));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.body()).isEqualTo("CONFIG_A=y\nCONFIG_C1=y\n# CONFIG_C2 is not set\n");
    }

    @Test
    void aHundredThousandTermAndChainIsALocatedError() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", "config S0\n\tbool\n\tdefault y\nconfig B\n\tbool \"b\"\n"
                + "\tdepends on S0" + " && S0".repeat(100_000) + "\n"), Duration.ofSeconds(20));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Kconfig:6: expression too long (more than 5000 && and || operators): "
                + "simplify it\n");
    }

    @Test
    void theLongestChainInsideTheDeepestNestingIsEvaluated() {
        ConfRun.Result r = timed(ConfRun.tree("6.12", "config S0\n\tbool\n\tdefault y\n" + "if S0\n".repeat(10_000)
                + "config B\n\tbool \"b\"\n\tdefault y\n\tdepends on S0" + " && S0".repeat(4_999) + " || !S0\n"
                + "endif\n".repeat(10_000)), Duration.ofSeconds(30));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.body()).isEqualTo("CONFIG_S0=y\nCONFIG_B=y\n");
    }

    @Test
    void aStackExhaustingDependencyChainIsOneClearLineWithTheInternalErrorStatus() {
        StringBuilder k = new StringBuilder();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            k.append("config S").append(i).append("\n\tbool \"s\"\n\tdefault y\n\tdepends on S").append(i + 1).append('\n');
        }
        k.append("config S").append(n).append("\n\tbool \"s\"\n\tdefault y\n");
        ConfRun.Result r = timed(ConfRun.tree("6.12", k.toString()), Duration.ofSeconds(60));
        assertThat(r.exit()).isIn(0, 70);
        if (r.exit() == 70) {
            assertThat(r.stderr()).isEqualTo("kconfig4j conf: Kconfig: dependencies nested too deeply for the stack "
                    + "(java.lang.StackOverflowError); run with a larger stack, e.g. KCONFIG4J_JAVA_OPTS=-Xss1g\n");
            assertThat(r.config()).isNull();
        }
    }
}
