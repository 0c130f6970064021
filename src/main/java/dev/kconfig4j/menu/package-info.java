/**
 * The menu tree built from the syntax tree; the one place where dependencies propagate to
 * properties. The checks the kernel makes while it builds its menus live here too: property
 * warnings ({@code PropertyCheck}), recursive dependencies ({@code DependencyCheck}),
 * {@code transitional} symbols ({@code TransitionalCheck}) and the remark on a bool symbol
 * tested against m ({@code ModTests}).
 *
 * <p>Depends on {@code parse}, {@code symbol}, {@code expr}, {@code dialect} and
 * {@code diagnostic}.
 */
package dev.kconfig4j.menu;
