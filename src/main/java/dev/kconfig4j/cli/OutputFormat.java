package dev.kconfig4j.cli;

/**
 * The {@code --format} of the commands whose reports are text for people or JSON for programs
 * ({@code enable}, {@code kbuild map}, {@code kbuild check}); picocli parses it, in any case.
 */
public enum OutputFormat {
    TEXT, JSON
}
