package dev.kconfig4j.parse;

import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reading of a tree that a parse's lookahead does ({@link Preprocessor#runProbesAhead}): every
 * line of every file in the order the {@link Parser} lexes them, with macros expanded by the
 * lookahead preprocessor, help text skipped unexpanded as the parser skips it, {@code source}
 * followed; nothing is built. It stops quietly at anything it cannot follow exactly as the parser
 * would (an unknown or missing file, a malformed {@code source}): the parse then runs its
 * remaining probes itself.
 */
final class ProbeLookahead {
    private static final int MAX_SOURCE_DEPTH = 64;

    private final Path srctree;
    private final Path workingDirectory;
    private final Preprocessor lookahead;
    /** What the lookahead finds is found again, and reported, by the parse. */
    private final Diagnostics silent = new Diagnostics();

    ProbeLookahead(Path srctree, Path workingDirectory, Preprocessor lookahead) {
        this.srctree = srctree;
        this.workingDirectory = workingDirectory;
        this.lookahead = lookahead;
    }

    /** Reads {@code top} and everything it sources. */
    void read(String top) {
        file(top, 0);
    }

    private void file(String name, int depth) {
        Path path = lookahead.unknown(name) || depth > MAX_SOURCE_DEPTH ? null
                : Parser.resolve(name, workingDirectory, srctree);
        if (path == null) {
            throw new IllegalStateException("lookahead stops at " + name);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("lookahead stops at " + name, e);
        }
        Lexer lexer = new Lexer(name, text, lookahead, silent);
        for (Lexer.Line line = lexer.nextLine(); line != null; line = lexer.nextLine()) {
            List<Token> tokens = line.tokens();
            Token first = tokens.get(0);
            if (first.kind() != Token.Kind.WORD) {
                continue;
            }
            switch (first.text()) {
                case "help", "---help---" -> {
                    if (tokens.size() == 1) {
                        lexer.readHelp();
                    }
                }
                case "source" -> {
                    if (tokens.size() != 2 || tokens.get(1).kind() != Token.Kind.STRING) {
                        throw new IllegalStateException("lookahead stops at a malformed source");
                    }
                    file(tokens.get(1).text(), depth + 1);
                }
                default -> {
                    // Every other line only needed its macros expanded, which lexing did.
                }
            }
        }
    }
}
