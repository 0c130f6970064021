/**
 * The upgrade guard: everything olddefconfig changes or drops when a config is carried to a new
 * tree, why, what it means to the user (options they chose, the toolchain's values, helpers), in
 * the order of what they lose, and the verified config lines that restore the options they chose.
 *
 * <p>Depends on the root ({@code Kconfig}), {@code solve} (verified fixes), {@code explain} (what
 * blocks a symbol: {@code Obstacles}, the answer {@code why} gives too), {@code kbuild},
 * {@code confdata}, {@code menu}, {@code symbol}, {@code expr}, {@code json} and {@code diagnostic}.
 */
package dev.kconfig4j.upgrade;
