package dev.kconfig4j.expr;

/**
 * A name as an expression's leaf holds it: a symbol's name ({@code FOO}), a constant
 * ({@code y}, {@code "text"}) or a choice (named or not). Names are interned by a tree's
 * {@link Names}: one name, one object, so they compare by identity, and each has a dense
 * {@link #id} by which the layers above find what they attach to it (the symbol it names, its
 * value). A name is immutable; it knows nothing of definitions or values.
 */
public final class Name {
    private final int id;
    private final String text;
    private final boolean constant;
    private final boolean choice;

    Name(int id, String text, boolean constant, boolean choice) {
        this.id = id;
        this.text = text;
        this.constant = constant;
        this.choice = choice;
    }

    /** A dense index, 0 to {@code names.size() - 1}, in the order the names were first met. */
    public int id() {
        return id;
    }

    /** The text without the CONFIG_ prefix or the quotes; null for an anonymous choice. */
    public String text() {
        return text;
    }

    /** A constant: {@code y}, {@code m}, {@code n} or a quoted text. */
    public boolean isConstant() {
        return constant;
    }

    /** The name of a choice (a choice without a name has a name of its own, with null text). */
    public boolean isChoice() {
        return choice;
    }

    /** Whether this is the constant {@code y}, {@code m} or {@code n} written as {@code text}. */
    public boolean isConstant(String text) {
        return constant && text.equals(this.text);
    }

    /** As written in an expression: quoted constants in quotes, an anonymous choice as {@code <choice>}. */
    @Override
    public String toString() {
        if (constant && !"y".equals(text) && !"m".equals(text) && !"n".equals(text)) {
            return "\"" + text + "\"";
        }
        return text == null ? "<choice>" : text;
    }
}
