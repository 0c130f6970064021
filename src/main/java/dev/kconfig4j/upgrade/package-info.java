/**
 * The upgrade guard: everything olddefconfig changes or drops when a config is carried to a new
 * tree, why, and the verified config lines that restore the user's intent.
 */
package dev.kconfig4j.upgrade;
