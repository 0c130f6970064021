/**
 * kconfig4j: the Linux kernel's Kconfig language and tools. {@link dev.kconfig4j.Kconfig} loads a
 * tree; {@link dev.kconfig4j.symbol.Configuration} holds and computes values for it.
 */
package dev.kconfig4j;
