/**
 * The one JSON set-up ({@link dev.kconfig4j.json.Json}) shared by every report renderer and JSON
 * file writer. Depends on Jackson only.
 */
package dev.kconfig4j.json;
