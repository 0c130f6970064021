/**
 * The modes of the kernel's conf tool (olddefconfig, defconfig, all*config, ...) as a library.
 *
 * <p>Depends on {@code confdata} (reading and writing the files), {@code menu}, {@code symbol},
 * {@code expr}, {@code dialect}, {@code preprocess} and the root {@code Kconfig}.
 */
package dev.kconfig4j.conf;
