package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who selects or implies a symbol: every {@code select} and {@code imply} of a tree, by target,
 * and which of them are active under a configuration. The one answer to "what selects it" that
 * {@code why} ({@link Explainer}) and the upgrade guard's causes share.
 */
public final class Links {
    /** A {@code select} or {@code imply} of {@code from}, with its condition and where it was written. */
    public record Link(Symbol from, Expr condition, Definition definition, Location location) {
    }

    private final Kconfig tree;
    private Map<Symbol, List<Link>> selectsOf;
    private Map<Symbol, List<Link>> impliesOf;

    /** The links of {@code tree}, indexed on first use. */
    public Links(Kconfig tree) {
        this.tree = tree;
    }

    /** The selects of {@code target}, in the tree's order. */
    public List<Link> selectsOf(Symbol target) {
        index();
        return selectsOf.getOrDefault(target, List.of());
    }

    /** The implies of {@code target}, in the tree's order. */
    public List<Link> impliesOf(Symbol target) {
        index();
        return impliesOf.getOrDefault(target, List.of());
    }

    private void index() {
        if (selectsOf != null) {
            return;
        }
        Map<Symbol, List<Link>> selects = new HashMap<>();
        Map<Symbol, List<Link>> implies = new HashMap<>();
        for (Symbol s : tree.symbols().all()) {
            for (Property.Select p : s.selects()) {
                selects.computeIfAbsent(p.target(), k -> new ArrayList<>())
                        .add(new Link(s, p.condition(), p.definition(), p.location()));
            }
            for (Property.Imply p : s.implies()) {
                implies.computeIfAbsent(p.target(), k -> new ArrayList<>())
                        .add(new Link(s, p.condition(), p.definition(), p.location()));
            }
        }
        impliesOf = implies;
        selectsOf = selects;
    }

    /** The value a link gives its target under {@code config}: its symbol's value and its condition's. */
    public static Tristate value(Configuration config, Link l) {
        return config.eval(Expr.and(Expr.sym(l.from().ref()), l.condition()));
    }

    /** Those of {@code links} whose value under {@code config} is above {@code above}, strongest first. */
    public static List<Link> active(Configuration config, List<Link> links, Tristate above) {
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            if (value(config, l).compareTo(above) > 0) {
                out.add(l);
            }
        }
        out.sort((a, b) -> value(config, b).compareTo(value(config, a)));
        return out;
    }
}
