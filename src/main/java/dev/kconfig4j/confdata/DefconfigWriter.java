package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the minimal config ({@code savedefconfig}): the lines that, read back with defaults
 * for everything else, give the same configuration.
 *
 * <p>In menu order, a symbol is written unless it is not written to {@code .config} at all,
 * cannot be changed by the user (invisible, or selected to its visibility), has the value its
 * defaults, selects and implies would give anyway, or is the y member of a choice that the
 * choice would select by default. There is no heading.
 */
public final class DefconfigWriter {
    private final Kconfig tree;
    private final Configuration config;
    private final ConfigWriter lines;

    public DefconfigWriter(Kconfig tree, Configuration config, String prefix) {
        this.tree = tree;
        this.config = config;
        this.lines = new ConfigWriter(tree, config, prefix);
    }

    public String defconfig() {
        StringBuilder out = new StringBuilder();
        Set<Symbol> done = new HashSet<>();
        for (Menu m : tree.menusInOrder()) {
            Symbol sym = m.symbol();
            if (sym == null || sym.isChoice() || done.contains(sym) || !config.isWritten(sym)) {
                continue;
            }
            done.add(sym);
            if (!isChangeable(sym)) {
                continue;
            }
            if (config.string(sym).equals(defaultString(sym))) {
                continue;
            }
            Symbol choice = sym.parentChoice();
            if (choice != null && isDefaultChoiceMember(choice, sym)) {
                continue;
            }
            out.append(lines.line(sym)).append('\n');
        }
        return out.toString();
    }

    /** The user could set it: visible above what selects force. */
    private boolean isChangeable(Symbol sym) {
        return config.visibility(sym).compareTo(config.reverseDependency(sym)) > 0;
    }

    private boolean isDefaultChoiceMember(Symbol choice, Symbol sym) {
        if (config.tristate(sym) != Tristate.YES || config.choiceDefault(choice) != sym) {
            return false;
        }
        if (config.dialect().choicesByPriority()) {
            return true;
        }
        // Up to 6.1: only for mandatory choices, and only bool members.
        return !choice.isOptional() && sym.type() == Type.BOOL;
    }

    /** The value the symbol would have without a user value: default, selects and implies. */
    private String defaultString(Symbol sym) {
        Tristate val = Tristate.NO;
        String str = "";
        Property.Default d = config.activeDefault(sym);
        if (d != null) {
            if (sym.type().isTristateLike()) {
                val = config.eval(d.value()).and(config.eval(d.condition()));
            } else if (d.value() instanceof dev.kconfig4j.expr.Expr.Sym ds) {
                str = config.string(config.symbol(ds.name()));
            }
        }
        val = val.or(config.reverseDependency(sym));
        if (val == Tristate.MOD && sym.parentChoice() == null && config.modules() == Tristate.NO) {
            val = Tristate.YES;
        }
        if (sym.type() == Type.BOOL && val == Tristate.MOD) {
            val = Tristate.YES;
        }
        if (val.compareTo(config.impliedValue(sym)) < 0) {
            val = config.impliedValue(sym);
        }
        switch (sym.type()) {
            case BOOL, TRISTATE:
                return val.text();
            case INT:
                return str.isEmpty() && config.dialect().emptyNumberIsZero() ? "0" : str;
            case HEX:
                return str.isEmpty() && config.dialect().emptyNumberIsZero() ? "0x0" : str;
            default:
                return str;
        }
    }
}
