package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.menu.Menu;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every symbol of a tree, by name. Names are interned: the same name always gives the same
 * {@link Symbol}, whether it was defined or only referenced. Quoted constants ({@code "foo"}) and
 * the tristate constants {@code y}, {@code m}, {@code n} live apart from named symbols, so a
 * {@code config y} cannot shadow them.
 *
 * <p>The table is also the only place that fills in symbol definitions, while a tree is built;
 * {@link #freeze()} ends that phase.
 */
public final class SymbolTable {
    private final Map<String, Symbol> named = new HashMap<>();
    private final Map<String, Symbol> constants = new HashMap<>();
    private final List<Symbol> all = new ArrayList<>();
    private final Symbol yes;
    private final Symbol mod;
    private final Symbol no;
    private boolean frozen;

    public SymbolTable() {
        yes = constant("y");
        mod = constant("m");
        no = constant("n");
        yes.type = Type.TRISTATE;
        mod.type = Type.TRISTATE;
        no.type = Type.TRISTATE;
    }

    /** The symbol named {@code name}, created (undefined) on first use. */
    public Symbol lookup(String name) {
        Symbol s = named.get(name);
        if (s == null) {
            checkOpen();
            s = new Symbol(all.size(), name, false, false);
            named.put(name, s);
            all.add(s);
        }
        return s;
    }

    /** The symbol named {@code name}, or null if the tree never mentions it. */
    public Symbol find(String name) {
        return named.get(name);
    }

    /** The constant with this text ({@code y}, {@code m} and {@code n} are the tristate constants). */
    public Symbol constant(String text) {
        Symbol s = constants.get(text);
        if (s == null) {
            checkOpen();
            s = new Symbol(all.size(), text, true, false);
            constants.put(text, s);
            all.add(s);
        }
        return s;
    }

    /** A new choice symbol; named choices are also found by name. */
    public Symbol newChoice(String name) {
        checkOpen();
        if (name != null && named.containsKey(name)) {
            return named.get(name);
        }
        Symbol s = new Symbol(all.size(), name, false, true);
        s.optional = false;
        all.add(s);
        if (name != null) {
            named.put(name, s);
        }
        return s;
    }

    public Symbol yes() {
        return yes;
    }

    public Symbol mod() {
        return mod;
    }

    public Symbol no() {
        return no;
    }

    /** Every symbol, constants and choices included, by id. */
    public List<Symbol> all() {
        return Collections.unmodifiableList(all);
    }

    public int size() {
        return all.size();
    }

    /** Ends the building phase: definitions can no longer change. */
    public void freeze() {
        frozen = true;
    }

    // ---- building: used while a tree is read ----

    /**
     * Gives {@code symbol} a type. A second, different type is ignored (the kernel warns
     * "ignoring type redefinition"); returns false in that case.
     */
    public boolean setType(Symbol symbol, Type type) {
        checkOpen();
        if (symbol.type == Type.UNKNOWN || symbol.type == type) {
            symbol.type = type;
            return true;
        }
        return false;
    }

    public void addDefinition(Symbol symbol, Menu menu) {
        checkOpen();
        symbol.definitions.add(menu);
    }

    public void addPrompt(Symbol symbol, Property.Prompt p) {
        checkOpen();
        symbol.prompts.add(p);
    }

    public void addDefault(Symbol symbol, Property.Default p) {
        checkOpen();
        symbol.defaults.add(p);
    }

    public void addRange(Symbol symbol, Property.Range p) {
        checkOpen();
        symbol.ranges.add(p);
    }

    /** Records {@code select target if cond} of {@code selector}; {@link #linkSelect} adds the reverse dependency. */
    public void addSelect(Symbol selector, Property.Select p) {
        checkOpen();
        selector.selects.add(p);
    }

    /** ORs the reverse dependency that a recorded select creates into its target's. */
    public void linkSelect(Symbol selector, Property.Select p) {
        checkOpen();
        Symbol target = p.target();
        target.reverseDependency = Expr.or(target.reverseDependency, Expr.and(new Expr.Sym(selector), p.condition()));
    }

    /** Records {@code imply target if cond} of {@code implier}; {@link #linkImply} adds the weak reverse dependency. */
    public void addImply(Symbol implier, Property.Imply p) {
        checkOpen();
        implier.implies.add(p);
    }

    /** ORs the weak reverse dependency that a recorded imply creates into its target's. */
    public void linkImply(Symbol implier, Property.Imply p) {
        checkOpen();
        Symbol target = p.target();
        target.impliedBy = Expr.or(target.impliedBy, Expr.and(new Expr.Sym(implier), p.condition()));
    }

    /**
     * ORs one definition's complete dependency into the symbol's direct dependencies. A
     * definition without any dependency adds nothing (it does not make the whole OR y): a
     * symbol's direct dependency is "none" only when no definition has one.
     */
    public void addDirectDependency(Symbol symbol, Expr dependency) {
        checkOpen();
        symbol.directDependency = Expr.or(symbol.directDependency, dependency);
    }

    /** Adds a non-choice-specific dependency to the reverse dependencies (used for non-optional choices). */
    public void addReverseDependency(Symbol symbol, Expr e) {
        checkOpen();
        symbol.reverseDependency = Expr.or(symbol.reverseDependency, e);
    }

    public void addMember(Symbol choice, Symbol member) {
        checkOpen();
        if (!choice.members.contains(member)) {
            choice.members.add(member);
        }
        member.parentChoice = choice;
    }

    public void setOptional(Symbol choice, boolean optional) {
        checkOpen();
        choice.optional = optional;
    }

    public void setTransitional(Symbol symbol) {
        checkOpen();
        symbol.transitional = true;
    }

    public void setDefconfigList(Symbol symbol) {
        checkOpen();
        symbol.defconfigList = true;
    }

    public void setAllnoconfigY(Symbol symbol) {
        checkOpen();
        symbol.allnoconfigY = true;
    }

    public void setFromEnvironment(Symbol symbol) {
        checkOpen();
        symbol.fromEnvironment = true;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("symbol table is frozen");
        }
    }
}
