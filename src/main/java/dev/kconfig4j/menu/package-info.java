/**
 * The menu tree built from the syntax tree; the one place where dependencies propagate to
 * properties, and where the names of the syntax tree are bound to the symbols they stand for
 * ({@code MenuBuilder} defines each symbol, its properties and its entries). The checks the kernel makes while it builds its menus live here too: property
 * warnings ({@code PropertyCheck}), recursive dependencies ({@code DependencyCheck}),
 * {@code transitional} symbols ({@code TransitionalCheck}) and the remark on a bool symbol
 * tested against m ({@code ModTests}). A built tree can be written as a flat image and read back
 * into the same menus and symbols ({@code TreeImage}), which a snapshot keeps so that a load can
 * skip building.
 *
 * <p>Depends on {@code parse}, {@code symbol}, {@code expr}, {@code dialect} and
 * {@code diagnostic}: it is above {@code symbol}, whose symbols know their entries only as
 * {@code Definition}s.
 */
package dev.kconfig4j.menu;
