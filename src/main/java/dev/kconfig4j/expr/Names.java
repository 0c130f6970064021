package dev.kconfig4j.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one tree, interned: the same text always gives the same {@link Name}, whether a
 * symbol of that name is defined or only referenced. Quoted constants ({@code "foo"}) and the
 * tristate constants {@code y}, {@code m}, {@code n} live apart from symbol names, so a
 * {@code config y} cannot shadow them. The parser fills the table; everything built on the tree
 * (symbols, values) is indexed by {@link Name#id}.
 *
 * <p>The table only grows, and only while a tree is read: {@link #freeze()} ends that.
 */
public final class Names {
    private final Map<String, Name> named = new HashMap<>();
    private final Map<String, Name> constants = new HashMap<>();
    private final List<Name> all = new ArrayList<>();
    private final Name yes;
    private final Name mod;
    private final Name no;
    private boolean frozen;

    public Names() {
        yes = constant("y");
        mod = constant("m");
        no = constant("n");
    }

    /** The name {@code text} of a symbol, made on first use. */
    public Name lookup(String text) {
        Name n = named.get(text);
        if (n == null) {
            n = add(text, false, false);
            named.put(text, n);
        }
        return n;
    }

    /** The name {@code text}, or null if the tree never mentions it. */
    public Name find(String text) {
        return named.get(text);
    }

    /** The constant with this text ({@code y}, {@code m} and {@code n} are the tristate constants). */
    public Name constant(String text) {
        Name n = constants.get(text);
        if (n == null) {
            n = add(text, true, false);
            constants.put(text, n);
        }
        return n;
    }

    /**
     * The name of a choice: a named choice already met is the same name (as is a symbol name
     * {@code text} already met, which the tree then defines as a choice); an anonymous one
     * (null text) is new every time.
     */
    public Name choice(String text) {
        Name met = text == null ? null : named.get(text);
        if (met != null) {
            return met;
        }
        Name n = add(text, false, true);
        if (text != null) {
            named.put(text, n);
        }
        return n;
    }

    public Name yes() {
        return yes;
    }

    public Name mod() {
        return mod;
    }

    public Name no() {
        return no;
    }

    /** Every name, by id. */
    public List<Name> all() {
        return Collections.unmodifiableList(all);
    }

    public int size() {
        return all.size();
    }

    /** Ends the reading: a name not met so far is never made. */
    public void freeze() {
        frozen = true;
    }

    private Name add(String text, boolean constant, boolean choice) {
        if (frozen) {
            throw new IllegalStateException("the names of a read tree are final: " + text);
        }
        Name n = new Name(all.size(), text, constant, choice);
        all.add(n);
        return n;
    }
}
