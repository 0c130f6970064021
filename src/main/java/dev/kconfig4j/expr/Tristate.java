package dev.kconfig4j.expr;

/**
 * Kconfig's three-valued logic: {@code n < m < y}. {@code &&} is the minimum, {@code ||} the
 * maximum and {@code !} maps {@code x} to {@code 2 - x}, so {@code !m} is {@code m}.
 */
public enum Tristate {
    NO("n"), MOD("m"), YES("y");

    private final String text;

    Tristate(String text) {
        this.text = text;
    }

    /** The value as written in a config file: {@code n}, {@code m} or {@code y}. */
    public String text() {
        return text;
    }

    public Tristate and(Tristate other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Tristate or(Tristate other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Tristate not() {
        return values()[2 - ordinal()];
    }

    /** Bool symbols have no {@code m}: it rounds up to {@code y}. */
    public Tristate mToY() {
        return this == MOD ? YES : this;
    }

    public boolean isNo() {
        return this == NO;
    }

    /** {@code n}, {@code m} or {@code y} as a tristate; anything else is null. */
    public static Tristate parse(String s) {
        return switch (s) {
            case "n" -> NO;
            case "m" -> MOD;
            case "y" -> YES;
            default -> null;
        };
    }
}
