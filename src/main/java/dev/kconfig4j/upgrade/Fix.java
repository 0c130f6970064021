package dev.kconfig4j.upgrade;

import java.util.List;

/**
 * Config lines that restore the user's intent in the new tree.
 *
 * @param lines lines to add to (or change in) the old config, in .config syntax
 * @param verified whether evaluating the config with the lines applied gives the intended values
 * @param note what the fix does, or why the intent cannot be (fully) restored
 */
public record Fix(List<String> lines, boolean verified, String note) {
    public Fix {
        lines = List.copyOf(lines);
    }
}
