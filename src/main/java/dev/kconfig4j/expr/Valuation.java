package dev.kconfig4j.expr;

/** Values to print beside names ({@code A [=y]}): what a configuration gives the printer. */
public interface Valuation {

    /** The value of the symbol {@code name} names as text, or null when it has no type (nothing is shown). */
    String shownValue(Name name);
}
