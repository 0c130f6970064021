/**
 * Why a symbol has its value: its origin, visibility, bounds and what blocks changing it ({@code kconfig4j why}).
 * {@link dev.kconfig4j.explain.Obstacles} (what keeps a symbol below a value: the failing terms and
 * the symbols that would have to change) and {@link dev.kconfig4j.explain.Links} (who selects or
 * implies it, and which of them are active) are the answers {@code why} is built from and the
 * upgrade guard's causes (and so the impact analysis) name as blockers and selectors.
 *
 * <p>Depends on {@code symbol}, {@code menu}, {@code expr}, {@code parse}, {@code confdata}
 * (reading the config), {@code json} and the root {@code Kconfig}.
 */
package dev.kconfig4j.explain;
