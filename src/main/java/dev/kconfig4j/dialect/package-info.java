/** The Kconfig generations (5.10, 6.1, 6.12) and every rule that differs between them. */
package dev.kconfig4j.dialect;
