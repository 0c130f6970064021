package dev.kconfig4j.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What blocks a symbol ({@link Obstacles}): small trees, a config, and the failing terms with the
 * symbols that would have to change, the answer {@code why} and the upgrade guard share.
 */
class ObstaclesTest {
    @TempDir
    Path dir;

    private Kconfig tree;
    private Configuration config;

    private Obstacles load(String kconfig, String dotConfig) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("KERNELVERSION", "6.12"), dir), quiet, quiet);
        config = Explainer.read(tree, ".config", dotConfig).configuration();
        return new Obstacles(config);
    }

    private Symbol symbol(String name) {
        return tree.symbols().find(name);
    }

    private static List<String> names(Obstacles.Term t) {
        return t.symbols().stream().map(Symbol::name).toList();
    }

    private static List<String> printed(List<Obstacles.Term> terms) {
        return terms.stream().map(t -> ExprPrinter.print(t.term())).toList();
    }

    @Test
    void theFailingTermsOfADependencyEachWithTheSymbolsToChange() throws IOException {
        Obstacles o = load("""
                config B
                \tbool "b"
                config C
                \tbool "c"
                config D
                \tbool "d"
                config E
                \tbool "e"
                config A
                \tbool "a"
                \tdepends on B && (C || D) && !E
                """, "CONFIG_B=y\nCONFIG_E=y\n");
        List<Obstacles.Term> terms = o.ofDependencies(symbol("A"), Tristate.MOD);
        assertThat(printed(terms)).containsExactly("C || D", "!E");
        assertThat(terms).extracting(Obstacles.Term::value).containsOnly(Tristate.NO);
        assertThat(names(terms.get(0))).containsExactly("C", "D");
        assertThat(names(terms.get(1))).containsExactly("E"); // E must fall
    }

    @Test
    void ofAnOrOnlyThePartsThatFailCount() throws IOException {
        Obstacles o = load("""
                config X
                \tbool "x"
                config Y
                \tbool "y"
                config Z
                \tbool "z"
                config A
                \tbool "a"
                \tdepends on (X && Y) || Z
                """, "CONFIG_X=y\n");
        List<Obstacles.Term> terms = o.ofDependencies(symbol("A"), Tristate.MOD);
        assertThat(terms).hasSize(1);
        assertThat(names(terms.get(0))).containsExactly("Y", "Z"); // X holds already
    }

    @Test
    void symbolsNothingCanChangeAreLeftOutButTheTermStays() throws IOException {
        Obstacles o = load("""
                config FOO
                \tbool "foo"
                config A
                \tbool "a"
                \tdepends on FOO && OTHER_ARCH_ONLY
                """, "CONFIG_FOO=y\n");
        List<Obstacles.Term> terms = o.ofDependencies(symbol("A"), Tristate.MOD);
        assertThat(printed(terms)).containsExactly("OTHER_ARCH_ONLY");
        assertThat(terms.get(0).symbols()).isEmpty();
    }

    @Test
    void whatIsNeededDecides() throws IOException {
        Obstacles o = load("""
                config MODULES
                \tbool "modules"
                \tmodules
                config M
                \ttristate "m"
                config T
                \ttristate "t"
                \tdepends on M
                """, "CONFIG_MODULES=y\nCONFIG_M=m\n");
        assertThat(o.ofDependencies(symbol("T"), Tristate.MOD)).isEmpty();
        List<Obstacles.Term> forY = o.ofDependencies(symbol("T"), Tristate.YES);
        assertThat(printed(forY)).containsExactly("M");
        assertThat(forY.get(0).value()).isEqualTo(Tristate.MOD);
    }

    @Test
    void aTermSharedByPromptsCountsOnce() throws IOException {
        Obstacles o = load("""
                config P
                \tbool "p"
                config Q
                \tbool "q"
                config A
                \tbool
                \tprompt "a" if P
                config A
                \tbool
                \tprompt "a, again" if P && Q
                """, "");
        List<Obstacles.Term> terms = o.ofPrompts(symbol("A"), Tristate.MOD);
        assertThat(printed(terms)).containsExactly("P", "Q");
        assertThat(o.ofDependencies(symbol("A"), Tristate.MOD)).isEmpty();
    }

    @Test
    void whyNamesTheSameSymbols() throws IOException {
        // The blockers why lists are built from the same terms: the term and its symbols.
        load("""
                config C
                \tbool "c"
                config D
                \tbool "d"
                config A
                \tbool "a"
                \tdepends on C || D
                """, "CONFIG_A=y\n");
        Explainer explainer = Explainer.read(tree, ".config", "CONFIG_A=y\n");
        Explanation why = explainer.explain(symbol("A"));
        assertThat(why.blockers()).hasSize(1);
        assertThat(why.blockers().get(0).expression()).isEqualTo("C [=n] || D [=n]");
        assertThat(why.blockers().get(0).because()).extracting(Explanation::symbol).containsExactly("C", "D");
    }
}
