package dev.kconfig4j.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one JSON set-up of kconfig4j, so that every report (why, enable, kbuild, upgrade, impact)
 * and every file kconfig4j writes in JSON has the same form: Jackson's defaults (a record's
 * components in declaration order, nulls written), indented, ending in a newline. The web
 * configurator's answers are the same JSON without the indentation ({@link #compact}).
 */
public final class Json {
    /** Configured once here and never changed afterwards, which makes it safe to share between threads. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The same set-up, without the indentation. */
    private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code value} (a report record, a map, a tree) as indented JSON text with a final newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            // Reports are records of strings, numbers and lists: failing to write one is a bug.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code value} as compact JSON in UTF-8, as an HTTP answer carries it. */
    public static byte[] compact(Object value) throws JsonProcessingException {
        return COMPACT.writeValueAsBytes(value);
    }

    /** The JSON document {@code text}. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /**
     * Builds the serializer of {@code type} now rather than at its first use (Jackson's
     * introspection is slow the first time), so that a server's first answer comes at once.
     */
    public static void prepare(Class<?> type) {
        MAPPER.canSerialize(type);
    }

    /** The JSON document in {@code file}. */
    public static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** A new, empty JSON object to fill in. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
