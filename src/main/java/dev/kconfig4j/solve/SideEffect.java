package dev.kconfig4j.solve;

/**
 * A value of the resulting .config that differs from the original config's, other than those
 * requested and assigned: what the answer also turns on, turns off or changes.
 *
 * @param symbol the symbol's name
 * @param before its value in the original config's olddefconfig result (null: not written)
 * @param after its value with the answer applied (null: not written)
 */
public record SideEffect(String symbol, String before, String after) {

    /** {@code turns on}, {@code turns off} or {@code changes}, as a report says it. */
    public String verb() {
        boolean wasOff = before == null || before.equals("n");
        boolean isOff = after == null || after.equals("n");
        if (wasOff && !isOff) {
            return "turns on";
        }
        if (!wasOff && isOff) {
            return "turns off";
        }
        return "changes";
    }

    @Override
    public String toString() {
        return symbol + " (" + (before == null ? "unset" : before) + " -> " + (after == null ? "unset" : after) + ")";
    }
}
