package dev.kconfig4j.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The ways a {@link WhyReport} is written: for people, and for programs. */
public enum WhyFormat {
    /** Compiler-diagnostic style text, file:line everywhere. */
    TEXT,
    /** The stable JSON form (schema in docs/why.md). */
    JSON;

    public String render(WhyReport report) {
        return switch (this) {
            case TEXT -> new ExplanationText().render(report);
            case JSON -> json(report);
        };
    }

    private static String json(WhyReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the explanation as JSON", e);
        }
    }
}
