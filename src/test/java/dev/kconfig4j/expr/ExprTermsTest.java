package dev.kconfig4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terms of an expression: its conjuncts and disjuncts, the symbols it mentions, the conjuncts that fail. */
class ExprTermsTest {
    private final Names t = new Names();
    private final Expr a = new Expr.Sym(t.lookup("A"));
    private final Expr b = new Expr.Sym(t.lookup("B"));
    private final Expr c = new Expr.Sym(t.lookup("C"));

    @Test
    void conjunctsFlattenAnAndChainHoweverItIsNested() {
        assertThat(Expr.conjuncts(new Expr.And(a, new Expr.And(b, c)))).containsExactly(a, b, c);
        assertThat(Expr.conjuncts(new Expr.And(new Expr.And(a, b), c))).containsExactly(a, b, c);
        // An || is one term of the chain, not split; an expression that is no && is its own only term.
        assertThat(Expr.conjuncts(new Expr.And(a, new Expr.Or(b, c)))).containsExactly(a, new Expr.Or(b, c));
        assertThat(Expr.conjuncts(new Expr.Not(new Expr.And(a, b)))).containsExactly(new Expr.Not(new Expr.And(a, b)));
        assertThat(Expr.conjuncts(null)).isEmpty();
    }

    @Test
    void disjunctsFlattenAnOrChain() {
        assertThat(Expr.disjuncts(new Expr.Or(new Expr.Or(a, b), new Expr.And(b, c)))).containsExactly(a, b,
                new Expr.And(b, c));
        assertThat(Expr.disjuncts(a)).containsExactly(a);
        assertThat(Expr.disjuncts(null)).isEmpty();
    }

    @Test
    void namesOfAnExpressionInOrderWithRepeatsAndConstants() {
        Name s = t.lookup("S");
        Name foo = t.constant("foo");
        Expr e = new Expr.Or(new Expr.And(a, new Expr.Not(b)), new Expr.And(new Expr.Compare(Expr.CompareOp.EQUAL, s, foo), a));
        assertThat(Expr.namesOf(e)).containsExactly(t.lookup("A"), t.lookup("B"), s, foo, t.lookup("A"));
        assertThat(Expr.namesOf(null)).isEmpty();
    }

    @TempDir
    Path dir;

    @Test
    void failingConjunctsAreThoseBelowTheValueNeeded() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), """
                config MODULES
                	def_bool y
                	modules
                config A
                	def_bool y
                config B
                	def_tristate m
                config C
                	bool
                """);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("KERNELVERSION", "6.12"), dir), quiet, quiet);
        Configuration config = tree.newConfiguration();
        SymbolTable symbols = tree.symbols();
        Expr ta = new Expr.Sym(symbols.find("A").ref());
        Expr tb = new Expr.Sym(symbols.find("B").ref());
        Expr tc = new Expr.Sym(symbols.find("C").ref());
        Expr e = new Expr.And(ta, new Expr.And(tb, new Expr.And(new Expr.Or(tc, tb), tc)));
        // A=y, B=m, C=n: for y, B, C || B (m) and C fail; for m only C does.
        assertThat(Expr.failingConjuncts(e, config::eval, Tristate.YES)).containsExactly(tb, new Expr.Or(tc, tb), tc);
        assertThat(Expr.failingConjuncts(e, config::eval, Tristate.MOD)).containsExactly(tc);
        assertThat(Expr.failingConjuncts(e, config::eval, Tristate.NO)).isEmpty();
        assertThat(Expr.failingConjuncts(null, config::eval, Tristate.YES)).as("no condition never fails").isEqualTo(List.of());
    }
}
