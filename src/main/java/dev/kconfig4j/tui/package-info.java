/**
 * {@code kconfig4j menuconfig}: the terminal front-end of a configuration session, drawn and
 * driven as the kernel's menuconfig is (its layout, its keys, its save question), with the
 * session's answers (search, help with origins, enable plans, upgrade review, undo) one key away.
 */
package dev.kconfig4j.tui;
