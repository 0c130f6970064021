package dev.kconfig4j.session;

/**
 * What saving wrote.
 *
 * @param path the file written
 * @param backup the previous content's copy ({@code .config.old}), or null when none was made
 * @param changed false when the file already held exactly this content (then nothing is written)
 * @param bytes the size of the content
 */
public record Saved(String path, String backup, boolean changed, int bytes) {
}
