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
    // Lists start empty and grow one element at a time: most hold none or one, and a tree's
    // ~150,000 lists at the default first capacity of ten would be a fifth of its heap.
    final List<Property.Prompt> prompts = new ArrayList<>(0);
    final List<Property.Default> defaults = new ArrayList<>(0);
    final List<Property.Select> selects = new ArrayList<>(0);
    final List<Property.Imply> implies = new ArrayList<>(0);
    final List<Property.Range> ranges = new ArrayList<>(0);
    final List<Definition> definitions = new ArrayList<>(0);
    /** Direct dependencies: OR over the definitions that have one of their complete dependency. */
    Expr directDependency;
    /** Reverse dependencies: OR over {@code selector && condition} of every select of this symbol. */
    Expr reverseDependency;
    /** OR over {@code implier && condition} of every imply of this symbol. */
    Expr impliedBy;
    /** The choice this symbol is a member of, or null. */
    Symbol parentChoice;
    /** For a choice: its members, in menu order. */
    final List<Symbol> members = new ArrayList<>(0);
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
        return Collections.unmodifiableList(prompts);
    }

    public List<Property.Default> defaults() {
        return Collections.unmodifiableList(defaults);
    }

    public List<Property.Select> selects() {
        return Collections.unmodifiableList(selects);
    }

    public List<Property.Imply> implies() {
        return Collections.unmodifiableList(implies);
    }

    public List<Property.Range> ranges() {
        return Collections.unmodifiableList(ranges);
    }

    /** The entries that define this symbol, in parse order. */
    public List<Definition> definitions() {
        return Collections.unmodifiableList(definitions);
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
        return Collections.unmodifiableList(members);
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
}
