/** The kconfig4j command line: a thin picocli layer over the library. */
package dev.kconfig4j.cli;
