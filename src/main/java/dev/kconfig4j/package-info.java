/**
 * kconfig4j: the Linux kernel's Kconfig language and tools. {@link dev.kconfig4j.Kconfig} loads a
 * tree; {@link dev.kconfig4j.symbol.Configuration} holds and computes values for it.
 *
 * <p>Depends on the loading pipeline: {@code preprocess}, {@code parse}, {@code menu},
 * {@code symbol}, {@code dialect}.
 */
package dev.kconfig4j;
