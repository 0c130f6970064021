package dev.kconfig4j.parse;

/** A place in a Kconfig file: the file name as the tree names it (relative to srctree where possible) and a 1-based line. */
public record Location(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
