package dev.kconfig4j.session;

import java.util.List;

/**
 * One page of the menu: the main menu, a menu, a {@code menuconfig} symbol's entries or a choice.
 *
 * @param id the id of the entry the page belongs to (0: the main menu)
 * @param title the page's title (the main menu's title, or the entry's prompt)
 * @param path the pages above it, from the main menu down, this page last
 * @param entries its lines in menu order, nested entries following their parent
 */
public record MenuPage(int id, String title, List<Crumb> path, List<Entry> entries) {
    public MenuPage {
        path = List.copyOf(path);
        entries = List.copyOf(entries);
    }

    /** A page on the way to an entry: its id and title. */
    public record Crumb(int id, String title) {
    }
}
