package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.NameTypes;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.expr.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every symbol of a tree: one for each of the tree's {@link Names}, with the same id, whether it
 * was defined or only referenced. Quoted constants ({@code "foo"}) and the tristate constants
 * {@code y}, {@code m}, {@code n} are symbols too, apart from named symbols, so a
 * {@code config y} cannot shadow them.
 *
 * <p>The table is also the only place that fills in symbol definitions, while a tree is built;
 * {@link #freeze()} ends that phase, and the names with it.
 */
public final class SymbolTable implements NameTypes {
    private final Names names;
    /** The symbols by id, the first {@link #count} of them made; it grows by doubling while the tree is read. */
    private Symbol[] byId = new Symbol[0];
    private int count;
    private final Symbol yes;
    private final Symbol mod;
    private final Symbol no;
    private boolean frozen;

    /** An empty table, with names of its own. */
    public SymbolTable() {
        this(new Names());
    }

    /** The symbols of {@code names} (usually what a parser read): the table grows with them until frozen. */
    public SymbolTable(Names names) {
        this.names = names;
        yes = symbol(names.yes());
        mod = symbol(names.mod());
        no = symbol(names.no());
        yes.type = Type.TRISTATE;
        mod.type = Type.TRISTATE;
        no.type = Type.TRISTATE;
    }

    /** The names the symbols stand for. */
    @Override
    public Names names() {
        return names;
    }

    @Override
    public Type typeOf(Name name) {
        return symbol(name).type();
    }

    /**
     * The symbols {@code e} names, in the order written, repeats included: both sides of a
     * comparison, constants ({@code y}, {@code "foo"}) and undefined symbols too, so that each
     * caller states which of them it wants ({@link Expr#namesOf}). Null names none.
     */
    public List<Symbol> symbolsOf(Expr e) {
        List<Symbol> out = new ArrayList<>();
        for (Name n : Expr.namesOf(e)) {
            out.add(symbol(n));
        }
        return out;
    }

    /** The symbol that {@code name} names; a name of another tree is an error, never another symbol. */
    public Symbol symbol(Name name) {
        // The hot path of every evaluation: an array read and an identity check.
        Symbol[] t = byId;
        int id = name.id();
        if (id < t.length) {
            Symbol s = t[id];
            if (s != null && s.ref() == name) {
                return s;
            }
        }
        return symbolOfNewName(name);
    }

    private Symbol symbolOfNewName(Name name) {
        int id = name.id();
        List<Name> known = names.all();
        if (id < known.size() && known.get(id) == name) {
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(id + 1, 2 * byId.length));
            }
            for (; count <= id; count++) {
                byId[count] = new Symbol(known.get(count));
            }
            return byId[id];
        }
        throw new IllegalArgumentException("not a name of this tree: " + name);
    }

    /**
     * The symbol of an expression that is a literal, as a default value or a range bound may be:
     * a constant ({@code y}, {@code "text"}) or a name that no entry defines, whose value is its
     * own text. Null for any other expression.
     */
    public Symbol literal(Expr e) {
        if (e instanceof Expr.Sym s) {
            Symbol named = symbol(s.name());
            return named.isConstant() || !named.isDefined() ? named : null;
        }
        return null;
    }

    /** The symbol named {@code name}, created (undefined) on first use. */
    public Symbol lookup(String name) {
        return symbol(names.lookup(name));
    }

    /** The symbol named {@code name}, or null if the tree never mentions it. */
    public Symbol find(String name) {
        Name n = names.find(name);
        return n == null ? null : symbol(n);
    }

    /** The constant with this text ({@code y}, {@code m} and {@code n} are the tristate constants). */
    public Symbol constant(String text) {
        Name n = names.constant(text);
        return symbol(n);
    }

    /** A new choice symbol; named choices are also found by name. */
    public Symbol newChoice(String name) {
        checkOpen();
        return symbol(names.choice(name));
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

    /** Every symbol, constants and choices included, by id: those of the names made so far (all, once frozen). */
    public List<Symbol> all() {
        complete();
        return Collections.unmodifiableList(Arrays.asList(byId).subList(0, count));
    }

    public int size() {
        return names.size();
    }

    /** Ends the building phase: definitions and names can no longer change. */
    public void freeze() {
        names.freeze();
        complete();
        for (int i = 0; i < count; i++) {
            byId[i].freeze();
        }
        frozen = true;
    }

    private void complete() {
        if (count < names.size()) {
            symbol(names.all().get(names.size() - 1));
        }
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

    public void addDefinition(Symbol symbol, Definition definition) {
        checkOpen();
        symbol.definitions = Symbol.append(symbol.definitions, definition);
    }

    public void addPrompt(Symbol symbol, Property.Prompt p) {
        checkOpen();
        symbol.prompts = Symbol.append(symbol.prompts, p);
    }

    public void addDefault(Symbol symbol, Property.Default p) {
        checkOpen();
        symbol.defaults = Symbol.append(symbol.defaults, p);
    }

    public void addRange(Symbol symbol, Property.Range p) {
        checkOpen();
        symbol.ranges = Symbol.append(symbol.ranges, p);
    }

    /** Records {@code select target if cond} of {@code selector}; {@link #linkSelect} adds the reverse dependency. */
    public void addSelect(Symbol selector, Property.Select p) {
        checkOpen();
        selector.selects = Symbol.append(selector.selects, p);
    }

    /** ORs the reverse dependency that a recorded select creates into its target's. */
    public void linkSelect(Symbol selector, Property.Select p) {
        checkOpen();
        Symbol target = p.target();
        target.reverseDependency = Expr.or(target.reverseDependency, Expr.and(Expr.sym(selector.ref()), p.condition()));
    }

    /** Records {@code imply target if cond} of {@code implier}; {@link #linkImply} adds the weak reverse dependency. */
    public void addImply(Symbol implier, Property.Imply p) {
        checkOpen();
        implier.implies = Symbol.append(implier.implies, p);
    }

    /** ORs the weak reverse dependency that a recorded imply creates into its target's. */
    public void linkImply(Symbol implier, Property.Imply p) {
        checkOpen();
        Symbol target = p.target();
        target.impliedBy = Expr.or(target.impliedBy, Expr.and(Expr.sym(implier.ref()), p.condition()));
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
            choice.members = Symbol.append(choice.members, member);
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

    /**
     * Restores what building derives for {@code symbol} from all its definitions at once, as a
     * snapshot of a built tree recorded it: the members of a choice, in order, the choice it is a
     * member of, and its direct, reverse and implied dependencies (each exactly the expression
     * given, not ORed into one). Only for a table being filled from such a snapshot.
     */
    public void restore(Symbol symbol, List<Symbol> members, Symbol parentChoice, Expr directDependency,
            Expr reverseDependency, Expr impliedBy) {
        checkOpen();
        symbol.members = members.isEmpty() ? List.of() : new ArrayList<>(members);
        symbol.parentChoice = parentChoice;
        symbol.directDependency = directDependency;
        symbol.reverseDependency = reverseDependency;
        symbol.impliedBy = impliedBy;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("symbol table is frozen");
        }
    }
}
