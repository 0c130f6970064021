package dev.kconfig4j.explain;

import dev.kconfig4j.json.Json;

/** The ways a {@link WhyReport} is written: for people, and for programs. */
public enum WhyFormat {
    /** Compiler-diagnostic style text, file:line everywhere. */
    TEXT,
    /** The stable JSON form (schema in docs/why.md). */
    JSON;

    public String render(WhyReport report) {
        return switch (this) {
            case TEXT -> new ExplanationText().render(report);
            case JSON -> Json.write(report);
        };
    }

}
