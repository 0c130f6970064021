/** Kconfig expressions and the three-valued (n/m/y) logic they are evaluated in. */
package dev.kconfig4j.expr;
