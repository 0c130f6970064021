package dev.kconfig4j.kbuild;

import dev.kconfig4j.parse.Location;

/**
 * Something the reader or evaluator could not follow exactly (an unknown function, a
 * {@code $(shell ...)}, a missing include, a malformed line), with where it happened. Notes never
 * stop the reading; they say where a result may be incomplete.
 */
public record Note(Location location, String message) {
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
