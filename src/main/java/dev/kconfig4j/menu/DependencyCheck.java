package dev.kconfig4j.menu;

import dev.kconfig4j.symbol.SymbolTable;
import java.io.PrintStream;

/**
 * Finds recursive dependencies (a symbol that depends on itself through depends on, select,
 * imply, defaults, ranges or its choice), which the kernel rejects when it loads a tree.
 */
public final class DependencyCheck {
    private DependencyCheck() {
    }

    /** Reports every cycle to {@code err} in the kernel's words; returns whether there was one. */
    public static boolean check(SymbolTable symbols, Menu root, PrintStream err) {
        return false; // Not implemented yet.
    }
}
