/** The menu tree built from the syntax tree; the one place where dependencies propagate to properties. */
package dev.kconfig4j.menu;
