package dev.kconfig4j.menu;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.util.function.Consumer;

/**
 * Whether a menu entry is shown: the one rule that .config headings, the new-symbol walk of
 * oldconfig/listnewconfig and the dialogue all follow.
 */
public final class Visibility {
    private Visibility() {
    }

    /**
     * An entry is shown when it has a prompt, its menu's {@code visible if} holds and its prompt's
     * condition holds; or, for a symbol that is not n, when one of its children is shown. In that
     * last case the kernel marks the symbol as set (so oldconfig does not ask it): {@code
     * shownThroughChildren} is called with the symbol. The root is always shown.
     */
    public static boolean isShown(Configuration config, Menu m, Consumer<Symbol> shownThroughChildren) {
        if (m.kind() == Menu.Kind.ROOT) {
            return true;
        }
        if (!m.hasPrompt()) {
            return false;
        }
        if (m.visibleIf() != null && config.eval(m.visibleIf()) == Tristate.NO) {
            return false;
        }
        Symbol sym = m.symbol();
        if (sym != null) {
            config.tristate(sym);
        }
        if (config.eval(m.promptCondition()) != Tristate.NO) {
            return true;
        }
        if (sym == null || config.tristate(sym) == Tristate.NO) {
            return false;
        }
        for (Menu c : m.children()) {
            if (isShown(config, c, shownThroughChildren)) {
                shownThroughChildren.accept(sym);
                return true;
            }
        }
        return false;
    }
}
