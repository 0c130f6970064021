/**
 * Impact analysis of a Kconfig change: which configs of a corpus (every defconfig, distribution
 * configs) lose, demote, promote or change which symbols when carried from one tree to another
 * with olddefconfig, why, and which Kconfig-level mitigations would avoid it, each verified by
 * re-running the analysis on the mitigated tree.
 */
package dev.kconfig4j.impact;
