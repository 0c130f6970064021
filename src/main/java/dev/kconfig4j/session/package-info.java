/**
 * The configuration session: one loaded tree, one configuration being edited, its files, undo and
 * redo, and the answers of why, enable and the upgrade guard, as one API that interactive
 * front-ends (the browser's {@code kconfig4j web}, the terminal's) drive in-process.
 *
 * <p>{@link dev.kconfig4j.session.ConfigSession} is the entry point. Everything it returns is an
 * immutable record made of strings, numbers and lists, ready to render or to serialize as JSON;
 * menu entries are named by a stable integer id (their place in the menu tree). Values change
 * only through the session, with the kernel's rules ({@link dev.kconfig4j.conf.UserInput}), and
 * every change reports what else changed ({@link dev.kconfig4j.session.Change}).
 *
 * <p>Depends on the root ({@code Kconfig}), {@code upgrade}, {@code solve}, {@code explain},
 * {@code kbuild}, {@code conf}, {@code confdata}, {@code menu}, {@code symbol}, {@code expr} and
 * {@code diagnostic}.
 */
package dev.kconfig4j.session;
