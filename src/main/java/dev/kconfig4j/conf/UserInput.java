package dev.kconfig4j.conf;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's rules for a value a person gives a symbol interactively (the {@code oldconfig}
 * dialogue, menuconfig and every front-end of the configuration session): which values are
 * acceptable and what setting one records. One place, so that every way of asking follows the
 * same rules.
 *
 * <ul>
 *   <li>A bool/tristate symbol can be changed when its visibility is above what {@code select}
 *       forces ({@link #isChangeable}); the acceptable values lie between the select and the
 *       visibility, m only for an effective tristate, and a visible member of a choice in y mode
 *       only takes y.</li>
 *   <li>An int/hex/string value must be valid for the type and inside the active range; hex gains
 *       {@code 0x}.</li>
 *   <li>Picking a choice member: from 6.11 every visible member gets a value (y for the pick, n for
 *       the others) and moves to the front of the priority order; up to 6.1 the choice remembers
 *       the member and the choice and its visible members count as set.</li>
 * </ul>
 */
public final class UserInput {
    private UserInput() {
    }

    /** Whether the user can change the symbol: its visibility is above what selects force. */
    public static boolean isChangeable(Configuration config, Symbol sym) {
        if (sym.isChoice() && config.dialect().choicesByPriority()) {
            return false;
        }
        return config.visibility(sym).compareTo(config.reverseDependency(sym)) > 0;
    }

    /** Whether the user may give the bool/tristate symbol this value. */
    public static boolean withinRange(Configuration config, Symbol sym, Tristate value) {
        Type type = config.effectiveType(sym);
        Tristate vis = config.visibility(sym);
        if (vis == Tristate.NO) {
            return false;
        }
        if (type != Type.BOOL && type != Type.TRISTATE) {
            return false;
        }
        if (type == Type.BOOL && value == Tristate.MOD) {
            return false;
        }
        Tristate rev = config.reverseDependency(sym);
        if (vis.compareTo(rev) <= 0) {
            return false;
        }
        if (sym.parentChoice() != null && vis == Tristate.YES) {
            return value == Tristate.YES;
        }
        return value.compareTo(rev) >= 0 && value.compareTo(vis) <= 0;
    }

    /** Sets a bool/tristate value if acceptable (keeping the current value always is); false otherwise. */
    public static boolean setTristate(Configuration config, Symbol sym, Tristate value) {
        Tristate old = config.tristate(sym);
        if (old != value && !withinRange(config, sym, value)) {
            return false;
        }
        Runnable record = () -> {
            Symbol choice = sym.parentChoice();
            if (choice != null && value == Tristate.YES && !config.dialect().choicesByPriority()) {
                rememberSelection(config, choice, sym);
            }
            config.setUser(sym, value);
        };
        if (old == value) {
            // The kernel computes nothing again for an answer that keeps the value.
            config.keepingComputedValues(record);
        } else {
            record.run();
        }
        return true;
    }

    /** Sets an int/hex/string value if valid and in range (hex gains {@code 0x}); false otherwise. */
    public static boolean setText(Configuration config, Symbol sym, String value) {
        if (!config.withinRange(sym, value)) {
            return false;
        }
        String v = value;
        if (sym.type() == Type.HEX && !(v.length() >= 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X'))) {
            v = "0x" + v;
        }
        config.setUser(sym, v);
        return true;
    }

    /** Makes {@code member} the selection of {@code choice}. */
    public static void select(Configuration config, Symbol choice, Symbol member) {
        if (config.dialect().choicesByPriority()) {
            // Every visible member gets a value, and each moves to the front of the priority order.
            List<Symbol> visible = new ArrayList<>();
            for (Symbol s : choice.members()) {
                if (config.visibility(s) != Tristate.NO) {
                    visible.add(s);
                }
            }
            for (Symbol s : visible) {
                config.setUser(s, s == member ? Tristate.YES : Tristate.NO);
                config.raisePriority(s);
            }
            return;
        }
        setTristate(config, member, Tristate.YES);
    }

    /** Up to 6.1: the choice remembers the member, and the choice and its visible members count as set. */
    private static void rememberSelection(Configuration config, Symbol choice, Symbol member) {
        // Visibility first: computing values between the changes would find the choice incomplete.
        List<Symbol> visible = new ArrayList<>();
        for (Symbol s : choice.members()) {
            if (config.visibility(s) != Tristate.NO) {
                visible.add(s);
            }
        }
        for (Symbol s : visible) {
            config.markSet(s);
        }
        config.setChoiceUserSelection(choice, member);
        config.markSet(choice);
    }
}
