/**
 * Snapshots of parsed Kconfig trees in the private cache directory, reused only while every file,
 * variable and probe answer the parse used is unchanged, so that a repeated run skips parsing.
 *
 * <p>The snapshot holds the syntax tree and its names (never symbols: those are built from it at
 * every load), the parse's output and diagnostics, and what it read.
 *
 * <p>Depends on {@code cache}, {@code preprocess}, {@code parse}, {@code expr} and {@code diagnostic}.
 */
package dev.kconfig4j.snapshot;
