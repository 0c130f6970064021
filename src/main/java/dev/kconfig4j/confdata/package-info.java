/**
 * Reading and writing configuration files: .config, minimal defconfigs and the build's generated files.
 *
 * <p>Depends on {@code symbol}, {@code menu}, {@code expr}, {@code parse}, {@code dialect}, the root
 * {@code Kconfig}, and on {@code conf.ConfRequest} for the build's files (a cycle with {@code conf}).
 */
package dev.kconfig4j.confdata;
