package dev.kconfig4j.session;

import java.util.List;

/**
 * An entry a search found.
 *
 * @param entry the entry's id
 * @param page the id of the page that shows it (open it, then highlight the entry: the jump)
 * @param symbol the symbol's name, or null
 * @param prompt the prompt, or null for a promptless symbol
 * @param value the current value ({@code n}/{@code m}/{@code y}, number, text), or null
 * @param location where it is defined, {@code file:line}
 * @param path the pages from the main menu down to {@code page}
 * @param visible whether the kernel shows the entry now
 * @param matched the fields the text matched in (and the matching object for KBUILD)
 */
public record SearchHit(int entry, int page, String symbol, String prompt, String value, String location,
        List<MenuPage.Crumb> path, boolean visible, List<String> matched) {
    public SearchHit {
        path = List.copyOf(path);
        matched = List.copyOf(matched);
    }
}
