package dev.kconfig4j.parse;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns Kconfig files into {@link Statement} trees, following {@code source} statements.
 *
 * <p>File names are resolved as the kernel resolves them: relative to the working directory
 * first, then to {@code srctree}. Every block ({@code menu}, {@code choice}, {@code if}) must end
 * in the file it started in. Errors are reported with the kernel's wording
 * ({@code syntax error}, {@code unknown statement "x"}, {@code can't open file "x"}).
 */
public final class Parser {
    private static final int MAX_SOURCE_DEPTH = 64;
    /** Deeper nesting than any real tree has; beyond it the parser would exhaust the stack. */
    private static final int MAX_EXPRESSION_DEPTH = 256;
    /** No Kconfig file is anywhere near this; a larger one is not a Kconfig file. */
    private static final long MAX_FILE_SIZE = 16L << 20;
    /**
     * Real trees nest {@code if}, {@code menu} and {@code choice} blocks a dozen deep; every level
     * adds a conjunct to the dependency of everything inside, and expressions are evaluated
     * recursively, so a bound keeps an absurd tree an error instead of an exhausted stack.
     */
    private static final int MAX_BLOCK_DEPTH = 10_000;
    /**
     * A chain {@code A && B && ...} nests one level per operator; the kernel's longest has 29. The
     * bound, with {@link #MAX_BLOCK_DEPTH}, keeps every dependency within the evaluator's stack.
     */
    private static final int MAX_OPERATORS = 5_000;
    private static final java.util.Set<String> INVALID_IN_CHOICE = java.util.Set.of("menu", "menuconfig", "choice",
            "source", "mainmenu");
    private int expressionDepth;
    private int operators;
    private int blockDepth;
    /** How many {@code choice} blocks enclose the entry being read. */
    private int choiceDepth;
    private Dialect dialect = Dialect.newest();
    private SourceFiles files = SourceFiles.DISK;
    /** Whether an error was reported that lets the parse go on but fails it at the end. */
    private boolean failed;
    /**
     * After a syntax error the kernel's parser (bison) skips to the end of the line and goes on,
     * but says {@code syntax error} again only once three more tokens were read without error:
     * how many are still missing (each line counts its tokens and its end).
     */
    private int quietTokens;
    /** {@link #quietTokens} before the line read last, which is the one an error is found in. */
    private int quietBeforeLine;

    private final Path srctree;
    private final Path workingDirectory;
    private final Names names;
    private final Preprocessor preprocessor;
    private final Diagnostics warnings;
    private final Deque<String> sourceStack = new ArrayDeque<>();
    /** Where each file on {@link #sourceStack} but the first was sourced, innermost first. */
    private final Deque<Location> sourcedFrom = new ArrayDeque<>();
    /** The files that sourced the one being read, innermost first (a block left open reads on into them). */
    private final Deque<Lexer> enclosing = new ArrayDeque<>();
    private Lexer lexer;
    private Lexer.Line pushedBack;
    /** Told every file read: the name as given, the file, its text (for snapshots of the tree). */
    private FileListener fileListener = (name, path, text) -> { };

    /** Told of every file a parse reads. */
    @FunctionalInterface
    public interface FileListener {
        void read(String name, Path path, String text);
    }

    public Parser(Path srctree, Path workingDirectory, Names names, Preprocessor preprocessor,
            Diagnostics warnings) {
        this.srctree = srctree;
        this.workingDirectory = workingDirectory;
        this.names = names;
        this.preprocessor = preprocessor;
        this.warnings = warnings;
    }

    /** Calls {@code listener} for every file this parser reads, before parsing it. */
    public Parser onFileRead(FileListener listener) {
        this.fileListener = listener;
        return this;
    }

    /**
     * Reads the syntax of {@code dialect} (by default the newest): which keywords exist
     * ({@code option} up to 5.x, {@code modules} from 6.1, {@code transitional} from 7.x), what a
     * {@code choice} block may hold, and where syntax errors are reported. From 6.12 (see
     * {@link Dialect#refusesBadChoiceMembers()}) every entry inside a {@code choice} block must
     * have a prompt and be bool, and the choice must have a prompt: each entry that breaks this is
     * an error at once ({@code choice member must have a prompt}, {@code choice member must be
     * bool} at the entry's line), the parse goes on, and fails at the end.
     */
    public Parser dialect(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /** Reads the tree's files from {@code files} instead of the file system. */
    public Parser files(SourceFiles files) {
        this.files = files;
        return this;
    }

    /** Parses the top-level Kconfig file (normally {@code Kconfig}) and everything it sources. */
    public List<Statement> parse(String file) {
        Path p = resolve(file);
        if (p == null) {
            throw new KconfigException("can't open file \"" + file + "\"");
        }
        // Compiler probes run concurrently, ahead of their turn, with the same results.
        preprocessor.runProbesAhead(twin -> new ProbeLookahead(srctree, workingDirectory, twin).read(file));
        List<Statement> statements;
        try {
            statements = parseFile(file, p, null);
        } finally {
            preprocessor.endProbesAhead();
        }
        if (failed) {
            throw KconfigException.alreadyReported("invalid choice members");
        }
        return statements;
    }

    private Path resolve(String name) {
        return resolve(name, workingDirectory, srctree, files);
    }

    /**
     * The file a {@code source} of {@code name} reads: relative to the working directory first,
     * then to {@code srctree} (which may be null); null if there is none.
     */
    public static Path resolve(String name, Path workingDirectory, Path srctree) {
        return resolve(name, workingDirectory, srctree, SourceFiles.DISK);
    }

    private static Path resolve(String name, Path workingDirectory, Path srctree, SourceFiles files) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return files.isRegularFile(given) ? given : null;
        }
        Path local = workingDirectory.resolve(given);
        if (files.isRegularFile(local)) {
            return local;
        }
        if (srctree != null) {
            Path inTree = srctree.resolve(given);
            if (files.isRegularFile(inTree)) {
                return inTree;
            }
        }
        return null;
    }

    private List<Statement> parseFile(String name, Path path, Location sourcedAt) {
        if (sourceStack.contains(name)) {
            // The kernel's report: the file, then every source statement that led to it, innermost first.
            StringBuilder report = new StringBuilder("Recursive inclusion detected.\nInclusion path:\n  current file : ")
                    .append(name).append("\n  included from: ").append(sourcedAt.file()).append(':')
                    .append(sourcedAt.line());
            for (Location at : sourcedFrom) {
                report.append("\n  included from: ").append(at.file()).append(':').append(at.line());
            }
            warnings.report(new Diagnostic(Diagnostic.Severity.ERROR, sourcedAt.file(), sourcedAt.line(),
                    "recursive inclusion of " + name, report.toString()));
            throw KconfigException.alreadyReported("recursive inclusion of " + name + " at " + sourcedAt.file() + ":"
                    + sourcedAt.line());
        }
        if (sourceStack.size() >= MAX_SOURCE_DEPTH) {
            throw new KconfigException(name, 1, "too deeply nested source statements (more than " + MAX_SOURCE_DEPTH + ")");
        }
        String text;
        try {
            if (files.size(path) > MAX_FILE_SIZE) {
                throw new KconfigException(name, 1, "file too large for a Kconfig file (over "
                        + (MAX_FILE_SIZE >> 20) + " MiB): check that srctree points at a kernel tree");
            }
            text = new String(files.read(path), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException("can't read file \"" + name + "\": " + e.getMessage());
        }
        fileListener.read(name, path, text);
        Lexer saved = lexer;
        Lexer.Line savedBack = pushedBack;
        if (saved != null) {
            enclosing.push(saved);
        }
        sourceStack.push(name);
        if (sourcedAt != null) {
            sourcedFrom.push(sourcedAt);
        }
        lexer = new Lexer(name, text, preprocessor, warnings);
        pushedBack = null;
        try {
            return parseBlock(null, null);
        } finally {
            sourceStack.pop();
            if (sourcedAt != null) {
                sourcedFrom.pop();
            }
            if (saved != null && !enclosing.isEmpty() && enclosing.peek() == saved) {
                enclosing.pop();
            }
            lexer = saved;
            pushedBack = savedBack;
        }
    }

    private Lexer.Line next() {
        if (pushedBack != null) {
            Lexer.Line l = pushedBack;
            pushedBack = null;
            return l;
        }
        Lexer.Line l = lexer.nextLine();
        quietBeforeLine = quietTokens;
        if (l != null) {
            quietTokens = Math.max(0, quietTokens - l.tokens().size() - 1);
        }
        return l;
    }

    /**
     * A syntax error on a line: a located message, which comes after {@code syntax error} unless
     * an error was just recovered from; the line is skipped. {@code shifted}: how many of the
     * line's tokens the kernel's parser had read when it found the error.
     */
    private static final class SyntaxError extends KconfigException {
        private static final long serialVersionUID = 1L;
        final transient Location location;
        final String detail;
        final int shifted;

        SyntaxError(Location location, String detail, int shifted) {
            super(location.file(), location.line(), detail);
            this.location = location;
            this.detail = detail;
            this.shifted = shifted;
        }
    }

    /** Reports {@code e} as the kernel's parser does, which then goes on after the line. */
    private void recover(SyntaxError e) {
        if (Math.max(0, quietBeforeLine - e.shifted) == 0) {
            Location loc = e.location;
            warnings.report(Diagnostic.error(loc.file(), loc.line() + (dialect.reportsSyntaxErrorsOnNextLine() ? 1 : 0),
                    "syntax error"));
        }
        warnings.report(Diagnostic.error(e.location.file(), e.location.line(), e.detail));
        failed = true;
        // The end of the line is read after the error: two more tokens until errors are told again.
        quietTokens = 2;
    }

    private void pushBack(Lexer.Line l) {
        pushedBack = l;
    }

    /** Statements up to {@code end} (null: end of file), which is consumed. */
    private List<Statement> parseBlock(String end, Location opened) {
        if (end == null) {
            return parseStatements(null, null);
        }
        if (++blockDepth > MAX_BLOCK_DEPTH) {
            throw new KconfigException(opened.file(), opened.line(), "blocks nested too deeply (more than "
                    + MAX_BLOCK_DEPTH + " if, menu and choice blocks): simplify the tree");
        }
        try {
            return parseStatements(end, opened);
        } finally {
            blockDepth--;
        }
    }

    private List<Statement> parseStatements(String end, Location opened) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            Lexer.Line line = next();
            if (line == null && end != null && !enclosing.isEmpty()) {
                // A block left open at the end of a sourced file goes on in the file that sourced
                // it, as in the kernel; the error comes where the block ends (or at the very end).
                lexer = enclosing.pop();
                pushedBack = null;
                continue;
            }
            if (line == null) {
                if (end != null) {
                    if (quietTokens == 0) {
                        // Up to 6.1 the end of the input has no file name, and is a line further.
                        boolean late = dialect.reportsSyntaxErrorsOnNextLine();
                        warnings.report(Diagnostic.error(late ? "<none>" : lexer.file(),
                                lexer.lineCount() + (late ? 2 : 1), "syntax error"));
                    }
                    // Every block still open is reported, innermost first, after one syntax error.
                    warnings.report(Diagnostic.error(opened.file(), opened.line(), "missing end statement for this entry"));
                    failed = true;
                    quietTokens = 3;
                }
                return out;
            }
            try {
                if (statement(line, end, opened, out)) {
                    return out;
                }
            } catch (SyntaxError e) {
                recover(e);
            }
        }
    }

    /** Reads the statement starting at {@code line} into {@code out}; true when it ends the block. */
    private boolean statement(Lexer.Line line, String end, Location opened, List<Statement> out) {
        {
            Token first = line.first();
            String kw = first.kind() == Token.Kind.WORD ? first.text() : "";
            Location loc = line.location();
            if (choiceDepth > 0 && INVALID_IN_CHOICE.contains(kw)) {
                // A choice holds config entries, comments and if blocks only.
                throw syntax(loc, "invalid statement");
            }
            switch (kw) {
                case "endmenu", "endchoice", "endif" -> {
                    expectEnd(line, 1);
                    if (end == null) {
                        throw syntax(loc, "invalid statement");
                    }
                    String closes = kw.substring(3);
                    String open = end.substring(3);
                    if (!kw.equals(end)) {
                        // Any end statement ends the innermost block; the parse goes on.
                        warnings.report(Diagnostic.error(loc.file(), loc.line(),
                                "unexpected '" + closes + "' within " + open + " block"));
                        failed = true;
                        return true;
                    }
                    if (!loc.file().equals(opened.file())) {
                        warnings.report(Diagnostic.error(loc.file(), loc.line(),
                                "'" + open + "' in different file than '" + open + "'"));
                        warnings.report(Diagnostic.error(opened.file(), opened.line(), "location of the '" + open + "'"));
                        throw KconfigException.alreadyReported("block ends in a different file");
                    }
                    return true;
                }
                case "config", "menuconfig" -> out.add(parseConfig(line, kw.equals("menuconfig")));
                case "choice" -> out.add(parseChoice(line));
                case "menu" -> {
                    String prompt = stringArg(line, 1);
                    expectEnd(line, 2);
                    List<Attribute> attrs = parseAttributes(Context.MENU);
                    reportHeaderError();
                    List<Statement> body = parseBlock("endmenu", loc);
                    out.add(new Statement.MenuBlock(loc, prompt, attrs, body));
                }
                case "comment" -> {
                    String prompt = stringArg(line, 1);
                    expectEnd(line, 2);
                    out.add(new Statement.Comment(loc, prompt, parseAttributes(Context.COMMENT)));
                }
                case "if" -> {
                    Cursor c = new Cursor(line, 1);
                    Expr cond = parseExpr(c);
                    c.expectEnd();
                    out.add(new Statement.If(loc, cond, parseBlock("endif", loc)));
                }
                case "source" -> {
                    String path = stringArg(line, 1);
                    expectEnd(line, 2);
                    Path p = resolve(path);
                    if (p == null) {
                        throw new KconfigException(loc.file(), loc.line(), "can't open file \"" + path + "\"");
                    }
                    out.add(new Statement.Source(loc, path, parseFile(path, p, loc)));
                }
                case "mainmenu" -> {
                    String prompt = stringArg(line, 1);
                    expectEnd(line, 2);
                    out.add(new Statement.MainMenu(loc, prompt));
                }
                default -> {
                    if (first.kind() == Token.Kind.WORD && isKeyword(kw)) {
                        throw syntax(loc, "invalid statement");
                    }
                    throw unknown(loc, first.text());
                }
            }
        }
        return false;
    }

    /**
     * A word that is no statement of this generation: {@code unknown statement "WORD"}, except
     * inside a choice block (its header included), where the kernel's parser only says {@code
     * invalid statement}.
     */
    private SyntaxError unknown(Location loc, String word) {
        // Outside a choice the word is read and the error found at what follows it.
        return choiceDepth > 0 ? syntax(loc, "invalid statement") : syntax(loc, "unknown statement \"" + word + "\"", 1);
    }

    /** Whether {@code word} is a keyword of this generation (a word that is not is an unknown statement). */
    private boolean isKeyword(String word) {
        return switch (word) {
            case "option" -> dialect.hasOptionAttributes();
            case "transitional" -> dialect.hasTransitionalSymbols();
            case "optional" -> dialect.hasTristateChoices();
            default -> Keywords.isStatementKeyword(word);
        };
    }

    /** An error found at the first token of the line (see {@link #recover}). */
    private SyntaxError syntax(Location loc, String detail) {
        return syntax(loc, detail, 0);
    }

    private SyntaxError syntax(Location loc, String detail, int shifted) {
        return new SyntaxError(loc, detail, shifted);
    }

    private String stringArg(Lexer.Line line, int index) {
        List<Token> t = line.tokens();
        if (index >= t.size() || t.get(index).kind() != Token.Kind.STRING) {
            throw syntax(line.location(), "invalid statement", index);
        }
        return t.get(index).text();
    }

    private void expectEnd(Lexer.Line line, int size) {
        if (line.tokens().size() != size) {
            throw syntax(line.location(), "invalid statement", Math.min(size, line.tokens().size()));
        }
    }

    private Statement parseConfig(Lexer.Line line, boolean menuconfig) {
        List<Token> t = line.tokens();
        if (t.size() != 2 || t.get(1).kind() != Token.Kind.WORD) {
            throw syntax(line.location(), "invalid statement");
        }
        Name sym = names.lookup(t.get(1).text());
        Statement.Config config = new Statement.Config(line.location(), sym, menuconfig, parseAttributes(Context.CONFIG));
        if (choiceDepth > 0 && dialect.refusesBadChoiceMembers()) {
            checkChoiceMember(config);
        }
        return config;
    }

    private void checkChoiceMember(Statement.Config c) {
        boolean prompt = false;
        Type type = null;
        for (Attribute a : c.attributes()) {
            if (a instanceof Attribute.TypeDecl t) {
                prompt |= t.prompt() != null;
                type = t.type();
            } else if (a instanceof Attribute.Prompt) {
                prompt = true;
            } else if (a instanceof Attribute.Default d && d.type() != null) {
                type = d.type();
            }
        }
        // A member's default is refused later, once the tree is built (PropertyCheck).
        Location at = c.location();
        if (!prompt) {
            memberError(at, "choice member must have a prompt");
        }
        if (type != Type.BOOL) {
            memberError(at, "choice member must be bool");
        }
    }

    private void memberError(Location at, String message) {
        warnings.report(Diagnostic.error(at.file(), at.line(), "error: " + message));
        failed = true;
    }

    private Statement parseChoice(Lexer.Line line) {
        List<Token> t = line.tokens();
        String name = null;
        if (t.size() == 2 && t.get(1).kind() == Token.Kind.WORD) {
            name = t.get(1).text();
        } else if (t.size() != 1) {
            throw syntax(line.location(), "invalid statement");
        }
        Name sym = names.choice(name);
        List<Attribute> attrs;
        List<Statement> body;
        // The header is inside the block too: an unknown word there is an invalid statement.
        choiceDepth++;
        try {
            attrs = parseAttributes(Context.CHOICE);
            if (dialect.refusesBadChoiceMembers() && attrs.stream().noneMatch(a -> a instanceof Attribute.Prompt
                    || a instanceof Attribute.TypeDecl td && td.prompt() != null)) {
                memberError(line.location(), "choice must have a prompt");
            }
            reportHeaderError();
            body = parseBlock("endchoice", line.location());
        } finally {
            choiceDepth--;
        }
        return new Statement.Choice(line.location(), sym, attrs, body);
    }

    /** Where an attribute appears; each kind of entry accepts its own attributes. */
    private enum Context { CONFIG, CHOICE, MENU, COMMENT }

    /**
     * The line refused at its first word that ended the header of a {@code menu} or {@code
     * choice}: the kernel's parser has opened the block by then, so the error is reported once the
     * header is complete, and the block's statements follow.
     */
    private SyntaxError headerError;

    private void reportHeaderError() {
        if (headerError != null) {
            SyntaxError e = headerError;
            headerError = null;
            recover(e);
        }
    }

    private List<Attribute> parseAttributes(Context ctx) {
        List<Attribute> out = new ArrayList<>();
        while (true) {
            Lexer.Line line = next();
            if (line == null) {
                return out;
            }
            Token first = line.first();
            Attribute a;
            try {
                if (first.kind() != Token.Kind.WORD) {
                    throw syntax(line.location(), "invalid statement");
                }
                a = parseAttribute(line, ctx);
            } catch (SyntaxError e) {
                // Refused at its first word, the line is one of the block's (the header is
                // complete); found later in the line, the error leaves the block unopened.
                if (ctx != Context.CHOICE && ctx != Context.MENU || e.shifted > 0) {
                    throw e;
                }
                headerError = e;
                return out;
            }
            if (a == null) {
                pushBack(line);
                return out;
            }
            out.add(a);
        }
    }

    /** The attribute on this line, or null if the line starts something else. */
    private Attribute parseAttribute(Lexer.Line line, Context ctx) {
        String kw = line.first().text();
        Location loc = line.location();
        Cursor c = new Cursor(line, 1);
        boolean symbolEntry = ctx == Context.CONFIG || ctx == Context.CHOICE;
        switch (kw) {
            case "bool", "tristate", "int", "hex", "string" -> {
                if (!symbolEntry) {
                    throw syntax(loc, "invalid statement");
                }
                Type type = switch (kw) {
                    case "bool" -> Type.BOOL;
                    case "tristate" -> Type.TRISTATE;
                    case "int" -> Type.INT;
                    case "hex" -> Type.HEX;
                    default -> Type.STRING;
                };
                String prompt = null;
                Expr cond = null;
                if (c.hasMore()) {
                    prompt = c.string();
                    cond = c.optionalIf();
                }
                c.expectEnd();
                if (ctx == Context.CHOICE && !dialect.acceptsChoiceType(type.keyword(), prompt != null)) {
                    // A type taken only with a prompt is refused after its word (6.12's bare bool).
                    throw syntax(loc, "invalid statement", dialect.acceptsChoiceType(type.keyword(), true) ? 1 : 0);
                }
                return new Attribute.TypeDecl(loc, type, prompt, cond);
            }
            case "def_bool", "def_tristate" -> {
                if (ctx != Context.CONFIG) {
                    throw syntax(loc, "invalid statement");
                }
                Expr value = parseExpr(c);
                Expr cond = c.optionalIf();
                c.expectEnd();
                return new Attribute.Default(loc, value, cond, kw.equals("def_bool") ? Type.BOOL : Type.TRISTATE);
            }
            case "prompt" -> {
                if (!symbolEntry) {
                    throw syntax(loc, "invalid statement");
                }
                String text = c.string();
                Expr cond = c.optionalIf();
                c.expectEnd();
                return new Attribute.Prompt(loc, text, cond);
            }
            case "default" -> {
                if (!symbolEntry) {
                    throw syntax(loc, "invalid statement");
                }
                Expr value = parseExpr(c);
                Expr cond = c.optionalIf();
                c.expectEnd();
                return new Attribute.Default(loc, value, cond, null);
            }
            case "depends" -> {
                if (!c.word("on")) {
                    throw syntax(loc, "invalid statement");
                }
                Expr dep = parseExpr(c);
                Expr cond = c.optionalIf();
                c.expectEnd();
                if (cond != null) {
                    // "depends on X if Y" means "depends on X || (Y = n)": the dependency applies
                    // only where Y is not n.
                    dep = new Expr.Or(dep, isNo(cond));
                }
                return new Attribute.DependsOn(loc, dep);
            }
            case "select", "imply" -> {
                if (ctx != Context.CONFIG) {
                    throw syntax(loc, "invalid statement");
                }
                Name target = names.lookup(c.wordToken());
                Expr cond = c.optionalIf();
                c.expectEnd();
                return kw.equals("select") ? new Attribute.Select(loc, target, cond)
                        : new Attribute.Imply(loc, target, cond);
            }
            case "range" -> {
                if (ctx != Context.CONFIG) {
                    throw syntax(loc, "invalid statement");
                }
                Name low = nameOf(c);
                Name high = nameOf(c);
                Expr cond = c.optionalIf();
                c.expectEnd();
                return new Attribute.Range(loc, low, high, cond);
            }
            case "help", "---help---" -> {
                if (ctx == Context.MENU) {
                    throw syntax(loc, "invalid statement");
                }
                c.expectEnd();
                return new Attribute.Help(loc, lexer.readHelp());
            }
            case "visible" -> {
                if (ctx != Context.MENU || !c.word("if")) {
                    throw syntax(loc, "invalid statement");
                }
                Expr cond = parseExpr(c);
                c.expectEnd();
                return new Attribute.VisibleIf(loc, cond);
            }
            case "optional" -> {
                if (!dialect.hasTristateChoices()) {
                    return null;
                }
                if (ctx != Context.CHOICE) {
                    throw syntax(loc, "invalid statement");
                }
                c.expectEnd();
                return new Attribute.Flag(loc, Attribute.FlagKind.OPTIONAL, null);
            }
            case "modules" -> {
                if (ctx != Context.CONFIG || !dialect.hasModulesKeyword()) {
                    throw syntax(loc, "invalid statement");
                }
                c.expectEnd();
                return new Attribute.Flag(loc, Attribute.FlagKind.MODULES, null);
            }
            case "transitional" -> {
                if (!dialect.hasTransitionalSymbols()) {
                    return null;
                }
                if (ctx != Context.CONFIG) {
                    throw syntax(loc, "invalid statement");
                }
                c.expectEnd();
                return new Attribute.Flag(loc, Attribute.FlagKind.TRANSITIONAL, null);
            }
            case "option" -> {
                if (!dialect.hasOptionAttributes()) {
                    return null;
                }
                if (ctx != Context.CONFIG) {
                    throw syntax(loc, "invalid statement");
                }
                String name = c.wordToken();
                switch (name) {
                    case "modules" -> {
                        c.expectEnd();
                        return new Attribute.Flag(loc, Attribute.FlagKind.MODULES, null);
                    }
                    case "defconfig_list" -> {
                        c.expectEnd();
                        return new Attribute.Flag(loc, Attribute.FlagKind.DEFCONFIG_LIST, null);
                    }
                    case "allnoconfig_y" -> {
                        c.expectEnd();
                        return new Attribute.Flag(loc, Attribute.FlagKind.ALLNOCONFIG_Y, null);
                    }
                    default -> {
                        // conf 5.10 refuses any other option (and env) as an invalid statement.
                        throw syntax(loc, "invalid statement");
                    }
                }
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * An expression that is y exactly when {@code e} is n and n otherwise: {@code e = n} pushed
     * down to the symbols ({@code (A && B) = n} is {@code A = n || B = n}), because tristate
     * logic alone cannot map m to n.
     */
    private Expr isNo(Expr e) {
        if (e instanceof Expr.Sym s) {
            return new Expr.Compare(Expr.CompareOp.EQUAL, s.name(), names.no());
        } else if (e instanceof Expr.And a) {
            return new Expr.Or(isNo(a.left()), isNo(a.right()));
        } else if (e instanceof Expr.Or o) {
            return new Expr.And(isNo(o.left()), isNo(o.right()));
        } else if (e instanceof Expr.Not n) {
            return isNotNo(n.operand());
        }
        return new Expr.Not(e); // a comparison is only ever y or n
    }

    /** An expression that is y exactly when {@code e} is not n. */
    private Expr isNotNo(Expr e) {
        if (e instanceof Expr.Sym s) {
            return new Expr.Compare(Expr.CompareOp.UNEQUAL, s.name(), names.no());
        } else if (e instanceof Expr.And a) {
            return new Expr.And(isNotNo(a.left()), isNotNo(a.right()));
        } else if (e instanceof Expr.Or o) {
            return new Expr.Or(isNotNo(o.left()), isNotNo(o.right()));
        } else if (e instanceof Expr.Not n) {
            return isNo(n.operand());
        }
        return e;
    }

    private Name nameOf(Cursor c) {
        Token t = c.take();
        if (t == null) {
            throw syntax(c.line.location(), "invalid statement", c.pos);
        }
        if (t.kind() == Token.Kind.STRING) {
            return names.constant(t.text());
        }
        if (t.kind() != Token.Kind.WORD) {
            throw syntax(c.line.location(), "invalid statement", c.pos);
        }
        return wordName(t.text());
    }

    private Name wordName(String w) {
        return switch (w) {
            case "y" -> names.yes();
            case "m" -> names.mod();
            case "n" -> names.no();
            default -> names.lookup(w);
        };
    }

    // ---- expressions: || < && < ! < comparison < primary ----

    private Expr parseExpr(Cursor c) {
        if (expressionDepth == 0) {
            operators = 0;
        }
        Expr left = parseAnd(c);
        while (c.accept(Token.Kind.OR)) {
            countOperator(c);
            left = new Expr.Or(left, parseAnd(c));
        }
        return left;
    }

    private Expr parseAnd(Cursor c) {
        Expr left = parseUnary(c);
        while (c.accept(Token.Kind.AND)) {
            countOperator(c);
            left = new Expr.And(left, parseUnary(c));
        }
        return left;
    }

    private void countOperator(Cursor c) {
        if (++operators > MAX_OPERATORS) {
            throw new KconfigException(c.line.location().file(), c.line.location().line(),
                    "expression too long (more than " + MAX_OPERATORS + " && and || operators): simplify it");
        }
    }

    private Expr parseUnary(Cursor c) {
        expressionDepth++;
        try {
            if (expressionDepth > MAX_EXPRESSION_DEPTH) {
                throw new KconfigException(c.line.location().file(), c.line.location().line(),
                        "expression nested too deeply (more than " + MAX_EXPRESSION_DEPTH + " levels): simplify it");
            }
            return parseUnaryBody(c);
        } finally {
            expressionDepth--;
        }
    }

    private Expr parseUnaryBody(Cursor c) {
        if (c.accept(Token.Kind.NOT)) {
            return new Expr.Not(parseUnary(c));
        }
        if (c.accept(Token.Kind.OPEN_PAREN)) {
            Expr e = parseExpr(c);
            if (!c.accept(Token.Kind.CLOSE_PAREN)) {
                throw syntax(c.line.location(), "invalid statement", c.pos);
            }
            return e;
        }
        Name left = nameOf(c);
        Token op = c.peek();
        if (op != null) {
            Expr.CompareOp cmp = switch (op.kind()) {
                case EQUAL -> Expr.CompareOp.EQUAL;
                case UNEQUAL -> Expr.CompareOp.UNEQUAL;
                case LESS -> Expr.CompareOp.LESS;
                case LESS_EQUAL -> Expr.CompareOp.LESS_EQUAL;
                case GREATER -> Expr.CompareOp.GREATER;
                case GREATER_EQUAL -> Expr.CompareOp.GREATER_EQUAL;
                default -> null;
            };
            if (cmp != null) {
                c.take();
                return new Expr.Compare(cmp, left, nameOf(c));
            }
        }
        return Expr.sym(left);
    }

    /** A position in a line's tokens. */
    private final class Cursor {
        final Lexer.Line line;
        int pos;

        Cursor(Lexer.Line line, int pos) {
            this.line = line;
            this.pos = pos;
        }

        boolean hasMore() {
            return pos < line.tokens().size();
        }

        Token peek() {
            return hasMore() ? line.tokens().get(pos) : null;
        }

        Token take() {
            return hasMore() ? line.tokens().get(pos++) : null;
        }

        boolean accept(Token.Kind kind) {
            Token t = peek();
            if (t != null && t.kind() == kind) {
                pos++;
                return true;
            }
            return false;
        }

        boolean word(String w) {
            Token t = peek();
            if (t != null && t.isWord(w)) {
                pos++;
                return true;
            }
            return false;
        }

        String wordToken() {
            Token t = take();
            if (t == null || t.kind() != Token.Kind.WORD) {
                throw syntax(line.location(), "invalid statement", pos - 1);
            }
            return t.text();
        }

        String string() {
            Token t = take();
            if (t == null || t.kind() != Token.Kind.STRING) {
                throw syntax(line.location(), "invalid statement", pos - 1);
            }
            return t.text();
        }

        Expr optionalIf() {
            if (word("if")) {
                return parseExpr(this);
            }
            return null;
        }

        void expectEnd() {
            if (hasMore()) {
                throw syntax(line.location(), "invalid statement", pos);
            }
        }
    }
}
