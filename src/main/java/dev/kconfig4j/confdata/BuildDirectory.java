package dev.kconfig4j.confdata;

import dev.kconfig4j.diagnostic.Diagnostics;
import java.nio.file.Path;

/**
 * Where the build's generated files go ({@code auto.conf}, {@code autoconf.h},
 * {@code include/config/...}): the object directory, the environment variables that rename
 * them ({@code KCONFIG_AUTOCONFIG}...), and where warnings about a previous {@code auto.conf} are
 * reported.
 * A {@code conf} run provides it, without this package depending on {@code conf}.
 */
public interface BuildDirectory {
    /** An environment variable, or null. */
    String env(String name);

    /** A path argument resolved against the object directory. */
    Path resolve(String path);

    /** Where warnings about a previous {@code auto.conf} are reported. */
    Diagnostics diagnostics();
}
