package dev.kconfig4j.session;

import java.util.List;

/**
 * One line of a menu page, as menuconfig shows it.
 *
 * @param id the entry's stable id (its place in the menu tree; 0 is the main menu)
 * @param kind what the line is
 * @param depth how far it is indented below the page: entries that depend on the symbol above
 *     them are shown under it, as menuconfig does
 * @param prompt the prompt text
 * @param symbol the symbol's name (null for menus, comments and nameless choices)
 * @param type {@code bool}, {@code tristate}, {@code int}, {@code hex}, {@code string} as the
 *     symbol behaves now (a tristate without modules is a bool); null for menus and comments
 * @param value the value: {@code n}/{@code m}/{@code y}, the number or the text; for a choice the
 *     selected member's name; null for menus and comments
 * @param valueText the value as menuconfig shows it: {@code [*]}, {@code [ ]}, {@code <M>},
 *     {@code -*-} (forced by select), {@code (X)}/{@code ( )} (choice members), {@code (64)};
 *     empty for menus and comments
 * @param isNew whether the config gave the symbol no value (menuconfig's {@code (NEW)})
 * @param visible whether the kernel shows the entry; hidden entries only appear with "show all"
 * @param hiddenReason for a hidden entry, why: the failing term of its condition, with values
 * @param changeable whether the user can change the value here
 * @param allowed the values the user can choose now (for bool/tristate, in n, m, y order;
 *     {@code y} for a selectable choice member); empty for text values, menus and comments
 * @param range for int/hex symbols, the active range as {@code low high}; null otherwise
 * @param submenu whether the entry opens a page of its own (menus, {@code menuconfig}, choices)
 * @param selection for a choice, the prompt of the selected member (null when none)
 * @param emptyPage for a menu or {@code menuconfig} entry, whether its page shows no entry now
 *     (menuconfig marks such an entry {@code ----} instead of {@code --->})
 */
public record Entry(int id, Kind kind, int depth, String prompt, String symbol, String type, String value,
        String valueText, boolean isNew, boolean visible, String hiddenReason, boolean changeable,
        List<String> allowed, String range, boolean submenu, String selection, boolean emptyPage) {

    public Entry {
        allowed = List.copyOf(allowed);
    }

    /** What a menu line is. */
    public enum Kind {
        /** A {@code menu}: opens a page. */
        MENU,
        /** A {@code menuconfig} symbol: a value, and a page of the entries below it. */
        MENUCONFIG,
        /** A {@code choice}: opens the page of its members. */
        CHOICE,
        /** A {@code comment}: a heading. */
        COMMENT,
        /** A {@code config} symbol. */
        SYMBOL
    }
}
