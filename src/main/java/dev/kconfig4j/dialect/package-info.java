/**
 * The Kconfig generations (5.10, 6.1, 6.12, 7.x) and every rule that differs between them.
 *
 * <p>Depends on nothing else in kconfig4j: every other package may ask it.
 */
package dev.kconfig4j.dialect;
