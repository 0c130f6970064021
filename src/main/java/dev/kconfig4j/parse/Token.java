package dev.kconfig4j.parse;

/**
 * One token of a Kconfig line. Words are identifiers, numbers and keywords alike (the parser
 * decides which by position); strings are quoted text with escapes and macros already resolved.
 */
public record Token(Kind kind, String text) {

    /** The token kinds of Kconfig lines. */
    public enum Kind {
        WORD, STRING, AND, OR, NOT, EQUAL, UNEQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
        OPEN_PAREN, CLOSE_PAREN, ASSIGN, SIMPLE_ASSIGN, APPEND_ASSIGN
    }

    public boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? "\"" + text + "\"" : text;
    }
}
