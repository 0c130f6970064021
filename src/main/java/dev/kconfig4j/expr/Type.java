package dev.kconfig4j.expr;

/** A symbol's type, as declared by {@code bool}, {@code tristate}, {@code int}, {@code hex} or {@code string}. */
public enum Type {
    /** Referenced but never given a type: its value is its own name and its tristate value {@code n}. */
    UNKNOWN("unknown"),
    BOOL("bool"),
    TRISTATE("tristate"),
    INT("int"),
    HEX("hex"),
    STRING("string");

    private final String keyword;

    Type(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** The type's name in the kernel's messages: the keyword, but {@code integer} for int. */
    public String kernelName() {
        return this == INT ? "integer" : keyword;
    }

    /** bool and tristate symbols take {@code n}/{@code m}/{@code y}; the others take text. */
    public boolean isTristateLike() {
        return this == BOOL || this == TRISTATE;
    }
}
