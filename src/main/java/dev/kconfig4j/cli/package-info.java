/**
 * The kconfig4j command line: a thin picocli layer over the library.
 *
 * <p>Depends on every feature package ({@code conf}, {@code upgrade}, {@code impact},
 * {@code explain}, {@code solve}, {@code kbuild}) and on the loading pipeline; nothing depends on it.
 */
package dev.kconfig4j.cli;
