/**
 * {@code kconfig4j menuconfig}: the terminal front-end of a configuration session, drawn and
 * driven as the kernel's menuconfig is (its layout, its keys, its save question), with the
 * session's answers (search, help with origins, enable plans, upgrade review, undo) one key away.
 *
 * <p>Depends on {@code session} (and the values it hands out: {@code explain}, {@code upgrade}) and
 * {@code diagnostic}.
 */
package dev.kconfig4j.tui;
