package dev.kconfig4j.menu;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the menu tree: what menuconfig shows, and the order in which {@code .config} is
 * written. Symbol nodes are one definition of a symbol; a symbol defined twice has two nodes.
 * Dependencies are stored complete: {@link #dependency()} already includes every enclosing
 * {@code if}, {@code menu} and {@code choice}.
 */
public final class Menu implements Definition {

    /** What kind of entry a node comes from. */
    public enum Kind { ROOT, SYMBOL, CHOICE, MENU, COMMENT, IF }

    private final Kind kind;
    private final Symbol symbol;
    private final Location location;
    /** Empty at first, growing one at a time: most menus are leaves (see Symbol's lists). */
    final List<Menu> children = new ArrayList<>(0);
    Menu parent;
    String promptText;
    Expr promptCondition;
    Property.Prompt prompt;
    Expr dependency;
    Expr visibleIf;
    String help;
    boolean menuconfig;

    Menu(Kind kind, Symbol symbol, Location location) {
        this.kind = kind;
        this.symbol = symbol;
        this.location = location;
    }

    /**
     * The entry that is {@code definition}: every definition of a symbol in a tree is one of its
     * menu entries (the symbol layer knows them only as {@link Definition}s).
     */
    public static Menu of(Definition definition) {
        if (definition instanceof Menu m) {
            return m;
        }
        throw new IllegalArgumentException("not an entry of a menu tree: " + definition);
    }

    /** The entries that define {@code symbol}, in parse order. */
    public static List<Menu> entriesOf(Symbol symbol) {
        List<Menu> out = new ArrayList<>(symbol.definitions().size());
        for (Definition d : symbol.definitions()) {
            out.add(of(d));
        }
        return out;
    }

    public Kind kind() {
        return kind;
    }

    /** The symbol of a SYMBOL or CHOICE node; null otherwise. */
    public Symbol symbol() {
        return symbol;
    }

    @Override
    public Location location() {
        return location;
    }

    public List<Menu> children() {
        return Collections.unmodifiableList(children);
    }

    public Menu parent() {
        return parent;
    }

    /** The prompt text, or null for promptless nodes ({@code if}, promptless symbols). */
    @Override
    public String promptText() {
        return promptText;
    }

    /** The prompt's complete visibility condition (null: always visible). */
    @Override
    public Expr promptCondition() {
        return promptCondition;
    }

    /** For symbol and choice nodes with a prompt: the prompt property. */
    public Property.Prompt prompt() {
        return prompt;
    }

    @Override
    public boolean hasPrompt() {
        return promptText != null;
    }

    /** The node's complete dependency (null: none). */
    @Override
    public Expr dependency() {
        return dependency;
    }

    /** A menu's own {@code visible if} condition, or null. */
    public Expr visibleIf() {
        return visibleIf;
    }

    @Override
    public String help() {
        return help;
    }

    public boolean isMenuconfig() {
        return menuconfig;
    }

    @Override
    public String toString() {
        return kind + (symbol != null ? " " + symbol : "") + (promptText != null ? " \"" + promptText + "\"" : "")
                + " @" + location;
    }
}
