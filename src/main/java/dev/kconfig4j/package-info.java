/**
 * kconfig4j: the Linux kernel's Kconfig language and tools. {@link dev.kconfig4j.Kconfig} loads a
 * tree; {@link dev.kconfig4j.symbol.Configuration} holds and computes values for it.
 *
 * <p>Depends on the loading pipeline below it: {@code preprocess}, {@code expr}, {@code parse},
 * {@code symbol}, {@code menu}, {@code snapshot}, {@code dialect}, {@code diagnostic}.
 */
package dev.kconfig4j;
