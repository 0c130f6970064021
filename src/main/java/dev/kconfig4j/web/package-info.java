/**
 * {@code kconfig4j web}: a configuration session in the browser. {@link dev.kconfig4j.web.WebServer}
 * serves the page and a small JSON API over a {@link dev.kconfig4j.session.ConfigSession} (menu
 * pages, changes with their consequences, why, enable plans, the upgrade review, warnings beside
 * their symbols, saving) on an embedded Jetty bound to the loopback address;
 * {@link dev.kconfig4j.web.Guard} decides who may talk to it (a per-run token, the Host and Origin
 * rules).
 *
 * <p>Depends on {@code session}, {@code json} and {@code diagnostic}.
 */
package dev.kconfig4j.web;
