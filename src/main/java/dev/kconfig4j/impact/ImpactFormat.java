package dev.kconfig4j.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The forms an impact report is written in. */
public enum ImpactFormat {
    /** Plain text for a terminal, long lists cut. */
    TEXT,
    /** Everything, as JSON (the records' fields; {@link ImpactReport#SCHEMA_VERSION}). */
    JSON,
    /** Markdown for a mailing-list reply or a merge request. */
    MARKDOWN,
    /** One self-contained HTML file: summary, sortable tables, drill-down per symbol and config. */
    HTML;

    /** How many entries of each list the text and Markdown forms show. */
    public static final int LIMIT = 25;

    public String render(ImpactReport report) {
        return switch (this) {
            case TEXT -> new TextReport(LIMIT).render(report);
            case JSON -> json(report);
            case MARKDOWN -> new MarkdownReport(LIMIT).render(report);
            case HTML -> new HtmlReport().render(report);
        };
    }

    private static String json(ImpactReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
