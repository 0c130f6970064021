package dev.kconfig4j.symbol;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A configuration symbol ({@code config FOO}), a choice, or a constant ({@code y}, {@code "text"}).
 *
 * <p>A symbol may be defined in several places; its properties are the union of all definitions,
 * in the order they were parsed (which is what makes "the first default whose condition holds"
 * well defined). The definition is filled in while a tree is built and is read-only afterwards;
 * values live in a {@link Configuration}, never here.
 */
public final class Symbol {
    private final Name name;

    Type type = Type.UNKNOWN;
    // Lists are the shared empty list until something is added, an ArrayList while the tree is
    // built, and an immutable copy of exactly their size once it is frozen (SymbolTable.freeze):
    // most hold none or one, and a tree has ~130,000 of them.
    List<Property.Prompt> prompts = List.of();
    List<Property.Default> defaults = List.of();
    List<Property.Select> selects = List.of();
    List<Property.Imply> implies = List.of();
    List<Property.Range> ranges = List.of();
    List<Definition> definitions = List.of();
    /** Direct dependencies: OR over the definitions that have one of their complete dependency. */
    Expr directDependency;
    /** Reverse dependencies: OR over {@code selector && condition} of every select of this symbol. */
    Expr reverseDependency;
    /** OR over {@code implier && condition} of every imply of this symbol. */
    Expr impliedBy;
    /** The choice this symbol is a member of, or null. */
    Symbol parentChoice;
    /** For a choice: its members, in menu order. */
    List<Symbol> members = List.of();
    boolean optional;
    boolean transitional;
    /** Symbol whose defaults name the config files to read when .config is missing (5.10's {@code option defconfig_list}). */
    boolean defconfigList;
    /** 5.10's {@code option allnoconfig_y}: allnoconfig sets it to y. */
    boolean allnoconfigY;
    /** Imported from the environment (5.10's {@code option env}): never written. */
    boolean fromEnvironment;

    Symbol(Name name) {
        this.name = name;
    }

    /** A dense index, for tables of values indexed by symbol: its name's. */
    public int id() {
        return name.id();
    }

    /** The name without the CONFIG_ prefix; null for an anonymous choice. */
    public String name() {
        return name.text();
    }

    /** The name expressions refer to this symbol by. */
    public Name ref() {
        return name;
    }

    public boolean isConstant() {
        return name.isConstant();
    }

    public boolean isChoice() {
        return name.isChoice();
    }

    public Type type() {
        return type;
    }

    public List<Property.Prompt> prompts() {
        return readOnly(prompts);
    }

    public List<Property.Default> defaults() {
        return readOnly(defaults);
    }

    public List<Property.Select> selects() {
        return readOnly(selects);
    }

    public List<Property.Imply> implies() {
        return readOnly(implies);
    }

    public List<Property.Range> ranges() {
        return readOnly(ranges);
    }

    /** The entries that define this symbol, in parse order. */
    public List<Definition> definitions() {
        return readOnly(definitions);
    }

    public Expr directDependency() {
        return directDependency;
    }

    public Expr reverseDependency() {
        return reverseDependency;
    }

    public Expr impliedBy() {
        return impliedBy;
    }

    /** The choice this symbol belongs to, or null. */
    public Symbol parentChoice() {
        return parentChoice;
    }

    /** A choice's members in menu order; empty for other symbols. */
    public List<Symbol> members() {
        return readOnly(members);
    }

    public boolean isOptional() {
        return optional;
    }

    public boolean isTransitional() {
        return transitional;
    }

    public boolean isDefconfigList() {
        return defconfigList;
    }

    public boolean isAllnoconfigY() {
        return allnoconfigY;
    }

    public boolean isFromEnvironment() {
        return fromEnvironment;
    }

    /** Whether any definition gave this symbol a type (as opposed to only being referenced). */
    public boolean isDefined() {
        return !definitions.isEmpty();
    }

    @Override
    public String toString() {
        return name.toString();
    }

    /** Appends to one of the lists above: a list of its own at the first element. */
    static <T> List<T> append(List<T> list, T element) {
        List<T> out = list instanceof ArrayList<T> ? list : new ArrayList<>(list);
        out.add(element);
        return out;
    }

    /** A list above as callers see it: read-only while the tree is built, and itself (already immutable) after. */
    private static <T> List<T> readOnly(List<T> list) {
        return list instanceof ArrayList<T> ? Collections.unmodifiableList(list) : list;
    }

    /** Makes the lists immutable and exactly their size: the tree is built. */
    void freeze() {
        prompts = List.copyOf(prompts);
        defaults = List.copyOf(defaults);
        selects = List.copyOf(selects);
        implies = List.copyOf(implies);
        ranges = List.copyOf(ranges);
        definitions = List.copyOf(definitions);
        members = List.copyOf(members);
    }
}
