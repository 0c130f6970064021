package dev.kconfig4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.preprocess.Preprocessor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syntax tree the parser builds from small Kconfig texts, printed one node per line
 * (blocks indented, attributes after their entry, expressions fully parenthesised where an
 * operand is itself an {@code &&} or {@code ||}). The grammar is the one of
 * Documentation/kbuild/kconfig-language.rst; errors are specified in {@link BadKconfigTest}.
 */
class ParserTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private String tree(String kconfig, String... files) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        for (int i = 0; i < files.length; i += 2) {
            Files.createDirectories(dir.resolve(files[i]).getParent());
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        Preprocessor pp = new Preprocessor(Map.of(), dir, QUIET, QUIET);
        List<Statement> syntax = new Parser(dir, dir, new Names(), pp, new Diagnostics()).parse("Kconfig");
        StringBuilder sb = new StringBuilder();
        print(syntax, 0, sb);
        return sb.toString();
    }

    private static void print(List<Statement> statements, int depth, StringBuilder sb) {
        for (Statement s : statements) {
            String pad = "  ".repeat(depth);
            sb.append(pad).append(s.location().line()).append(' ');
            if (s instanceof Statement.MainMenu m) {
                sb.append("mainmenu \"").append(m.prompt()).append("\"\n");
            } else if (s instanceof Statement.Config c) {
                sb.append(c.menuconfig() ? "menuconfig " : "config ").append(c.name().text()).append('\n');
                attributes(c.attributes(), pad, sb);
            } else if (s instanceof Statement.Choice c) {
                sb.append("choice").append(c.name().text() == null ? "" : " " + c.name().text()).append('\n');
                attributes(c.attributes(), pad, sb);
                print(c.body(), depth + 1, sb);
            } else if (s instanceof Statement.MenuBlock m) {
                sb.append("menu \"").append(m.prompt()).append("\"\n");
                attributes(m.attributes(), pad, sb);
                print(m.body(), depth + 1, sb);
            } else if (s instanceof Statement.Comment c) {
                sb.append("comment \"").append(c.prompt()).append("\"\n");
                attributes(c.attributes(), pad, sb);
            } else if (s instanceof Statement.If i) {
                sb.append("if ").append(i.condition()).append('\n');
                print(i.body(), depth + 1, sb);
            } else if (s instanceof Statement.Source src) {
                sb.append("source ").append(src.path()).append('\n');
                print(src.body(), depth + 1, sb);
            }
        }
    }

    private static void attributes(List<Attribute> attributes, String pad, StringBuilder sb) {
        for (Attribute a : attributes) {
            sb.append(pad).append("  - ").append(attribute(a)).append('\n');
        }
    }

    private static String attribute(Attribute a) {
        if (a instanceof Attribute.TypeDecl t) {
            return t.type().name().toLowerCase() + (t.prompt() == null ? "" : " \"" + t.prompt() + "\"") + cond(t.condition());
        } else if (a instanceof Attribute.Prompt p) {
            return "prompt \"" + p.text() + "\"" + cond(p.condition());
        } else if (a instanceof Attribute.Default d) {
            return (d.type() == null ? "default " : "def_" + d.type().name().toLowerCase() + " ") + d.value()
                    + cond(d.condition());
        } else if (a instanceof Attribute.DependsOn d) {
            return "depends on " + d.condition();
        } else if (a instanceof Attribute.Select s) {
            return "select " + s.target().text() + cond(s.condition());
        } else if (a instanceof Attribute.Imply i) {
            return "imply " + i.target().text() + cond(i.condition());
        } else if (a instanceof Attribute.Range r) {
            return "range " + r.low() + " " + r.high() + cond(r.condition());
        } else if (a instanceof Attribute.Help h) {
            return "help " + h.text().replace("\n", "\\n");
        } else if (a instanceof Attribute.VisibleIf v) {
            return "visible if " + v.condition();
        }
        Attribute.Flag f = (Attribute.Flag) a;
        return f.kind().name().toLowerCase() + (f.value() == null ? "" : " " + f.value());
    }

    private static String cond(Object condition) {
        return condition == null ? "" : " if " + condition;
    }

    @Test
    void anEntryKeepsItsAttributesInOrder() throws IOException {
        assertThat(tree("""
                config A
                	tristate "a" if B
                	default m if C
                	depends on D
                	select E if F
                	imply G
                	help
                	  Text.
                menuconfig N
                	int
                	prompt "n"
                	range 1 10 if A
                	def_bool y
                """)).isEqualTo("""
                1 config A
                  - tristate "a" if B
                  - default m if C
                  - depends on D
                  - select E if F
                  - imply G
                  - help Text.
                9 menuconfig N
                  - int
                  - prompt "n"
                  - range 1 10 if A
                  - def_bool y
                """);
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanBoth() throws IOException {
        assertThat(tree("""
                config A
                	bool
                	depends on B || C && !D
                	depends on (B || C) && !(D = y) && E != "x"
                	depends on !D < 3
                """)).isEqualTo("""
                1 config A
                  - bool
                  - depends on B || (C && !D)
                  - depends on ((B || C) && !D=y) && E!="x"
                  - depends on !D<3
                """);
    }

    @Test
    void aConditionalDependencyAppliesOnlyWhereItsConditionIsNotN() throws IOException {
        assertThat(tree("config A\n\tbool\n\tdepends on B if C\n")).isEqualTo("""
                1 config A
                  - bool
                  - depends on B || C=n
                """);
    }

    @Test
    void blocksNestAndASourcedFileIsParsedInPlace() throws IOException {
        assertThat(tree("""
                mainmenu "Title"
                menu "M"
                	visible if V
                	depends on W
                if X
                choice
                	prompt "pick"
                config C1
                	bool "c1"
                endchoice
                endif
                comment "note"
                	depends on Y
                source "sub/Kconfig"
                endmenu
                """, "sub/Kconfig", "config S\n\tbool \"s\"\n\tmodules\n")).isEqualTo("""
                1 mainmenu "Title"
                2 menu "M"
                  - visible if V
                  - depends on W
                  5 if X
                    6 choice
                      - prompt "pick"
                      8 config C1
                        - bool "c1"
                  12 comment "note"
                    - depends on Y
                  14 source sub/Kconfig
                    1 config S
                      - bool "s"
                      - modules
                """);
    }
}
