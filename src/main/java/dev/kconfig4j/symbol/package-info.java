/** Symbols, their properties, and Configuration: the one place where a symbol's value is decided. */
package dev.kconfig4j.symbol;
