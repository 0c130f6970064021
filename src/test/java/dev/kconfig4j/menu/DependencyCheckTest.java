package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.parse.Parser;
import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recursive dependency reports; expected texts are the output of the kernel's conf (5.10, 6.1, 6.12). */
class DependencyCheckTest {
    @TempDir
    Path dir;

    private String check(Dialect dialect, String kconfig) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SymbolTable symbols = new SymbolTable();
        Preprocessor pp = new Preprocessor(Map.of(), dir, System.out, err, ProbeCache.disabled());
        Diagnostics diagnostics = Diagnostics.printingTo(err);
        var syntax = new Parser(dir, dir, symbols.names(), pp, diagnostics).parse("Kconfig");
        var built = new MenuBuilder(symbols, dialect, diagnostics).build(syntax);
        symbols.freeze();
        boolean found = DependencyCheck.check(symbols, built.root(), dialect, diagnostics);
        return (found ? "" : "none\n") + bytes.toString(StandardCharsets.UTF_8);
    }

    private static final String TWO = """
            config A
            \tbool "a"
            \tdepends on B
            config B
            \tbool "b"
            \tdepends on A
            """;

    @Test
    void dependsOnCycleWithLocationsUpTo61() throws IOException {
        assertThat(check(Dialect.V6_1, TWO)).isEqualTo("""
                Kconfig:4:error: recursive dependency detected!
                Kconfig:4:\tsymbol B depends on A
                Kconfig:1:\tsymbol A depends on B
                For a resolution refer to Documentation/kbuild/kconfig-language.rst
                subsection "Kconfig recursive dependency limitations"

                """);
    }

    @Test
    void dependsOnCycleWithoutLocationsIn612() throws IOException {
        assertThat(check(Dialect.V6_12, TWO)).isEqualTo("""
                error: recursive dependency detected!
                \tsymbol A depends on B
                \tsymbol B depends on A
                For a resolution refer to Documentation/kbuild/kconfig-language.rst
                subsection "Kconfig recursive dependency limitations"

                """);
    }

    @Test
    void selectClosesACycle() throws IOException {
        assertThat(check(Dialect.V6_12, """
                config A
                \tbool "a"
                config B
                \ttristate "b"
                \tdepends on A
                config D
                \tbool "d" if B
                \tselect A
                """)).isEqualTo("""
                error: recursive dependency detected!
                \tsymbol A is selected by D
                \tsymbol D prompt is visible depending on B
                \tsymbol B depends on A
                For a resolution refer to Documentation/kbuild/kconfig-language.rst
                subsection "Kconfig recursive dependency limitations"

                """);
    }

    @Test
    void rangesAndAcyclicTreesPass() throws IOException {
        assertThat(check(Dialect.V6_12, """
                config F
                \tint "f"
                \trange 0 G
                config G
                \tint "g"
                \trange 0 10 if F
                config H
                \tbool "h"
                \tdefault F
                """)).isEqualTo("none\n");
    }
}
