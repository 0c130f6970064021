/**
 * The menu tree built from the syntax tree; the one place where dependencies propagate to properties.
 *
 * <p>Depends on {@code parse}, {@code symbol}, {@code expr}, {@code dialect} and the root
 * {@code KconfigException}.
 */
package dev.kconfig4j.menu;
