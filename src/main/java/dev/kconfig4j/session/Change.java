package dev.kconfig4j.session;

import java.util.List;

/**
 * What one step of the session did: the values that changed (the one asked for first, then what
 * selects, defaults, imply and choices changed with it, in menu order) and the entries that
 * appeared or disappeared.
 *
 * @param description what was done ({@code set USB_STORAGE=m}, {@code undo ...})
 * @param values every symbol whose value changed
 * @param visibility every menu entry that was shown before and is not now, or the reverse
 * @param canUndo whether there is a step to undo now
 * @param canRedo whether there is a step to redo now
 */
public record Change(String description, List<ValueChange> values, List<VisibilityChange> visibility,
        boolean canUndo, boolean canRedo) {

    public Change {
        values = List.copyOf(values);
        visibility = List.copyOf(visibility);
    }

    /**
     * One symbol's value before and after ({@code n}/{@code m}/{@code y}, the number or text;
     * null when the symbol is not written to {@code .config}).
     */
    public record ValueChange(String symbol, String before, String after) {
    }

    /** A menu entry that appeared ({@code visible}) or disappeared. */
    public record VisibilityChange(int entry, String prompt, String symbol, boolean visible) {
    }
}
