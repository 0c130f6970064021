package dev.kconfig4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How expressions evaluate, one rule per line: each {@code RNN} symbol takes the value of one
 * expression as its default, so the {@code .config} shows what the expression gave. Every
 * expectation was produced by the kernel's own conf of the named version.
 */
class ExpressionEvaluationTest {

    private static final String OPERANDS = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            config Y
            	def_tristate y
            config M
            	def_tristate m
            config N
            	tristate "n"
            config S
            	string
            	default "foo"
            config I
            	int
            	default 9
            config H
            	hex
            	default 0x20
            """;

    /** One visible tristate per expression: {@code config RNN / tristate "what" / default EXPR}. */
    private static String results(String... whatAndExpression) {
        StringBuilder sb = new StringBuilder(OPERANDS);
        for (int i = 0; i < whatAndExpression.length; i += 2) {
            sb.append(String.format("config R%02d\n\ttristate \"%s\"\n\tdefault %s\n", i / 2 + 1, whatAndExpression[i],
                    whatAndExpression[i + 1]));
        }
        return sb.toString();
    }

    private static final String TREE = results(
            "not m", "!M",
            "not y", "!Y",
            "m and y", "M && Y",
            "m or n", "M || N",
            "and binds tighter than or", "Y || N && N",
            "parentheses", "(Y || N) && N",
            "compare with m", "M = m",
            "unequal", "M != y",
            "compare quoted", "M = \"m\"",
            "string compare", "S = \"foo\"",
            "int less numeric", "I < 10",
            "hex greater", "H > 0x1f",
            "undefined symbol", "UNDEF",
            "undefined equals n", "UNDEF = n",
            "undefined equals its name", "UNDEF = \"UNDEF\"",
            "tristate less", "M < Y",
            "not of comparison", "!I = 9",
            "string less", "S < \"fop\"",
            "int ge mixed", "I >= \"9\"",
            "not n", "!N");

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void tristateLogicComparisonsAndUndefinedSymbols(String version) {
        ConfRun.Result r = ConfRun.tree(version, TREE).run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.body()).isEqualTo("""
                CONFIG_MODULES=y
                CONFIG_Y=y
                CONFIG_M=m
                # CONFIG_N is not set
                CONFIG_S="foo"
                CONFIG_I=9
                CONFIG_H=0x20
                CONFIG_R01=m
                # CONFIG_R02 is not set
                CONFIG_R03=m
                CONFIG_R04=m
                CONFIG_R05=y
                # CONFIG_R06 is not set
                CONFIG_R07=y
                CONFIG_R08=y
                CONFIG_R09=y
                CONFIG_R10=y
                CONFIG_R11=y
                CONFIG_R12=y
                # CONFIG_R13 is not set
                # CONFIG_R14 is not set
                CONFIG_R15=y
                CONFIG_R16=y
                # CONFIG_R17 is not set
                CONFIG_R18=y
                CONFIG_R19=y
                CONFIG_R20=y
                """);
        // Read as: !m = m; m && y = m (the minimum); m || n = m (the maximum); && binds tighter
        // than ||; M = m compares values; 9 < 10 and 0x20 > 0x1f compare as numbers; an undefined
        // symbol is n as a tristate but its string value is its own name; !I=9 negates the
        // comparison.
    }

    @Test
    void withoutModulesEveryMBecomesY() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).config("CONFIG_MODULES=n\n").run("--olddefconfig");
        // M (def_tristate m) is y, so !M is n and M = m fails; the tristates follow.
        assertThat(r.body()).startsWith("""
                # CONFIG_MODULES is not set
                CONFIG_Y=y
                CONFIG_M=y
                """);
        assertThat(r.body()).contains("""
                # CONFIG_R01 is not set
                # CONFIG_R02 is not set
                CONFIG_R03=y
                CONFIG_R04=y
                CONFIG_R05=y
                # CONFIG_R06 is not set
                # CONFIG_R07 is not set
                # CONFIG_R08 is not set
                # CONFIG_R09 is not set
                """);
    }

    @Test
    void tristateOperatorsAreMinimumMaximumAndComplement() {
        Tristate n = Tristate.NO;
        Tristate m = Tristate.MOD;
        Tristate y = Tristate.YES;
        assertThat(m.and(y)).isEqualTo(m);
        assertThat(m.and(n)).isEqualTo(n);
        assertThat(m.or(n)).isEqualTo(m);
        assertThat(m.or(y)).isEqualTo(y);
        assertThat(m.not()).isEqualTo(m);
        assertThat(y.not()).isEqualTo(n);
        assertThat(n.not()).isEqualTo(y);
    }
}
