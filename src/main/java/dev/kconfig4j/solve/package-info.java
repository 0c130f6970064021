/**
 * Answers "what must I add to my config so that olddefconfig gives these values?" with a SAT
 * solver over the tree's semantics, verifying every answer by evaluating the config.
 */
package dev.kconfig4j.solve;
