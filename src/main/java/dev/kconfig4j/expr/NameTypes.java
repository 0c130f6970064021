package dev.kconfig4j.expr;

/**
 * The types of a tree's names: what simplification needs to know of the symbols an expression
 * names (a comparison of a bool symbol with {@code y} is the symbol itself; of a tristate, not).
 */
public interface NameTypes {

    /** The tree's names (for its constants {@code y}, {@code m}, {@code n}). */
    Names names();

    /** The type of the symbol {@code name} names; {@link Type#UNKNOWN} when it has none. */
    Type typeOf(Name name);
}
