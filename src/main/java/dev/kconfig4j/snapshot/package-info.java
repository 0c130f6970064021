/**
 * Snapshots of parsed Kconfig trees in the private cache directory, reused only while every file,
 * variable and probe answer the parse used is unchanged, so that a repeated run skips parsing.
 *
 * <p>Depends on {@code cache}, {@code preprocess}, {@code parse}, {@code expr} and {@code symbol}.
 */
package dev.kconfig4j.snapshot;
