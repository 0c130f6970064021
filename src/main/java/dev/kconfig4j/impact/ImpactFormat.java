package dev.kconfig4j.impact;

import dev.kconfig4j.json.Json;

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
            case JSON -> Json.write(report);
            case MARKDOWN -> new MarkdownReport(LIMIT).render(report);
            case HTML -> new HtmlReport().render(report);
        };
    }

}
