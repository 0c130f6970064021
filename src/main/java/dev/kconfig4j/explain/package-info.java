/**
 * Why a symbol has its value: its origin, visibility, bounds and what blocks changing it ({@code kconfig4j why}).
 *
 * <p>Depends on {@code symbol}, {@code menu}, {@code expr}, {@code parse}, {@code confdata}
 * (reading the config), {@code json} and the root {@code Kconfig}.
 */
package dev.kconfig4j.explain;
