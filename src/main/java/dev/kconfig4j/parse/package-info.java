/** Reads Kconfig files into immutable syntax trees: tokens per line, statements and attributes, following source statements. */
package dev.kconfig4j.parse;
