/** Reading and writing configuration files: .config, minimal defconfigs and the build's generated files. */
package dev.kconfig4j.confdata;
