/**
 * The upgrade guard: everything olddefconfig changes or drops when a config is carried to a new
 * tree, why, what it means to the user (options they chose, the toolchain's values, helpers), in
 * the order of what they lose, and the verified config lines that restore the options they chose.
 */
package dev.kconfig4j.upgrade;
