package dev.kconfig4j.preprocess;

/**
 * A macro variable (a user-defined function is the same thing, referenced with arguments).
 * Mutable on purpose: {@code +=} appends in place and redefinition keeps the identity, and the
 * active-expansion count is what detects recursion.
 */
final class Variable {
    private final String name;
    private Preprocessor.Flavor flavor;
    private String value;
    /** How many expansions of this variable are in progress right now (the nesting). */
    private int activeExpansions;

    Variable(String name, Preprocessor.Flavor flavor, String value) {
        this.name = name;
        this.flavor = flavor;
        this.value = value;
    }

    String name() {
        return name;
    }

    /** True for {@code :=} variables, whose value was expanded once, at definition. */
    boolean isSimple() {
        return flavor == Preprocessor.Flavor.SIMPLE;
    }

    String value() {
        return value;
    }

    void define(Preprocessor.Flavor newFlavor, String newValue) {
        this.flavor = newFlavor;
        this.value = newValue;
    }

    /** {@code +=}: the kernel always inserts one space, even when the old value is empty. */
    void append(String text) {
        this.value = value + " " + text;
    }

    int activeExpansions() {
        return activeExpansions;
    }

    void enter() {
        activeExpansions++;
    }

    void leave() {
        activeExpansions--;
    }
}
