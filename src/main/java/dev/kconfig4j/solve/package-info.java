/**
 * Answers "what must I add to my config so that olddefconfig gives these values?" with a SAT
 * solver over the tree's semantics, verifying every answer by evaluating the config.
 *
 * <p>Depends on {@code symbol}, {@code expr}, {@code menu}, {@code parse}, {@code confdata}
 * (reading and writing the config) and the root {@code Kconfig}.
 */
package dev.kconfig4j.solve;
