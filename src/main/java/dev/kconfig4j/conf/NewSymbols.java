package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.Visibility;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The "new" symbols of a configuration: those {@code oldconfig} would ask about. A symbol is new
 * when its menu entry is visible, the input gave it no value, and the user could change it (or it
 * is a choice). The walk follows the menu tree and does not enter invisible entries.
 */
public final class NewSymbols {
    private final Kconfig tree;
    private final Configuration config;

    public NewSymbols(Kconfig tree, Configuration config) {
        this.tree = tree;
        this.config = config;
    }

    /** The menu entries that would be asked, in menu order. */
    public List<Menu> findMenus() {
        List<Menu> out = new ArrayList<>();
        for (Menu m : tree.root().children()) {
            walk(m, out);
        }
        return out;
    }

    /** The named symbols that would be asked, in menu order. */
    public List<Symbol> find() {
        List<Symbol> out = new ArrayList<>();
        for (Menu m : findMenus()) {
            if (m.symbol().name() != null) {
                out.add(m.symbol());
            }
        }
        return out;
    }

    private void walk(Menu m, List<Menu> out) {
        if (!isVisible(m)) {
            return;
        }
        Symbol sym = m.symbol();
        if (sym != null && !config.hasUserValue(sym) && (isChangeable(sym) || isAskedChoice(sym))) {
            out.add(m);
        }
        for (Menu c : m.children()) {
            walk(c, out);
        }
    }

    /** Up to 6.1 a choice in y mode whose selection is not fully given is asked itself; from 6.11 only its members are. */
    private boolean isAskedChoice(Symbol sym) {
        if (!sym.isChoice() || config.dialect().choicesByPriority()) {
            return false;
        }
        return config.tristate(sym) == Tristate.YES;
    }

    private boolean isChangeable(Symbol sym) {
        return !sym.isChoice() && config.visibility(sym).compareTo(config.reverseDependency(sym)) > 0;
    }

    private boolean isVisible(Menu m) {
        return Visibility.isShown(config, m, config::markSet);
    }
}
