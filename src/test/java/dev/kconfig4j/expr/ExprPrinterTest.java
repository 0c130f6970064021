package dev.kconfig4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Printing and simplification as the kernel's conf shows them (texts observed with conf 5.10/6.1/6.12). */
class ExprPrinterTest {
    private final Names t = new Names();
    /** Names that no definition gave a type, beside the tristate constants: what simplification is told of them. */
    private final NameTypes types = new NameTypes() {
        @Override
        public Names names() {
            return t;
        }

        @Override
        public Type typeOf(Name n) {
            return n == t.yes() || n == t.mod() || n == t.no() ? Type.TRISTATE : Type.UNKNOWN;
        }
    };
    private final Expr a = new Expr.Sym(t.lookup("A"));
    private final Expr b = new Expr.Sym(t.lookup("B"));
    private final Expr c = new Expr.Sym(t.lookup("C"));
    private final Expr y = new Expr.Sym(t.yes());

    @Test
    void parenthesesOnlyAroundWeakerOperators() {
        assertThat(ExprPrinter.print(new Expr.And(a, new Expr.Or(b, c)))).isEqualTo("A && (B || C)");
        assertThat(ExprPrinter.print(new Expr.Or(a, new Expr.And(b, c)))).isEqualTo("A || B && C");
        assertThat(ExprPrinter.print(new Expr.Not(new Expr.And(a, b)))).isEqualTo("!(A && B)");
        Name s = t.lookup("S");
        assertThat(ExprPrinter.print(new Expr.Compare(Expr.CompareOp.EQUAL, s, t.constant("foo")))).isEqualTo("S=foo");
    }

    @Test
    void laterDuplicateSurvivesAndYIsFoldedOnlyAfterAMerge() {
        // select T if (A || B) && (B || A) && A && A, inside a block depending on A: "(A || B) && A"
        Expr e = new Expr.And(a, new Expr.And(new Expr.And(new Expr.Or(a, b), new Expr.Or(b, a)), new Expr.And(a, a)));
        assertThat(ExprPrinter.print(ExprPrinter.simplify(e, types, false))).isEqualTo("(A || B) && A");
        // "A && y" stays up to 6.1 and becomes "A" in 6.12
        assertThat(ExprPrinter.print(ExprPrinter.simplify(new Expr.And(a, y), types, false))).isEqualTo("A && y");
        assertThat(ExprPrinter.print(ExprPrinter.simplify(new Expr.And(a, y), types, true))).isEqualTo("A");
    }

    @Test
    void negationsArePushedInwards() {
        // !(A || B) prints as !A && !B
        assertThat(ExprPrinter.print(ExprPrinter.transform(new Expr.Not(new Expr.Or(a, b)), types))).isEqualTo("!A && !B");
    }
}
