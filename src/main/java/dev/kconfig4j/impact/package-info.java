/**
 * Impact analysis of a Kconfig change: which configs of a corpus (every defconfig, distribution
 * configs) lose, demote, promote or change which symbols when carried from one tree to another
 * with olddefconfig, why, and which Kconfig-level mitigations would avoid it, each verified by
 * re-running the analysis on the mitigated tree.
 *
 * <p>Depends on the root ({@code Kconfig}), {@code upgrade} (each config's findings), {@code kbuild},
 * {@code confdata}, {@code menu}, {@code symbol}, {@code parse}, {@code expr}, {@code preprocess},
 * {@code dialect}, {@code cache}, {@code json} and {@code diagnostic}.
 */
package dev.kconfig4j.impact;
