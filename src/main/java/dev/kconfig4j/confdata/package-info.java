/**
 * Reading and writing configuration files: .config, minimal defconfigs and the build's generated files.
 *
 * <p>Depends on {@code symbol}, {@code menu}, {@code expr}, {@code parse}, {@code dialect} and the
 * root {@code Kconfig}; the conf run that writes the build's files is seen only as a
 * {@link dev.kconfig4j.confdata.BuildDirectory}.
 */
package dev.kconfig4j.confdata;
