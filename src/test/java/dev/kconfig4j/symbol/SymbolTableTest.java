package dev.kconfig4j.symbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.expr.Type;
import org.junit.jupiter.api.Test;

/** The symbols of a tree's names: one for each name, with its id, and never one of another tree. */
class SymbolTableTest {

    @Test
    void eachNameStandsForOneSymbolWithTheSameId() {
        Names names = new Names();
        Name a = names.lookup("A");
        SymbolTable symbols = new SymbolTable(names);
        Symbol s = symbols.symbol(a);
        assertThat(symbols.symbol(a)).isSameAs(s);
        assertThat(s.ref()).isSameAs(a);
        assertThat(s.id()).isEqualTo(a.id());
        assertThat(s.name()).isEqualTo("A");
        assertThat(symbols.lookup("A")).isSameAs(s);
        // Names made after the table are still symbols of it, until it is frozen.
        Name b = names.lookup("B");
        assertThat(symbols.symbol(b).ref()).isSameAs(b);
        assertThat(symbols.all()).extracting(Symbol::ref).containsExactlyElementsOf(names.all());
    }

    @Test
    void theTristateConstantsAreTristateSymbols() {
        SymbolTable symbols = new SymbolTable();
        assertThat(symbols.yes().ref()).isSameAs(symbols.names().yes());
        assertThat(symbols.yes().type()).isEqualTo(Type.TRISTATE);
        assertThat(symbols.typeOf(symbols.names().no())).isEqualTo(Type.TRISTATE);
        assertThat(symbols.lookup("X").type()).isEqualTo(Type.UNKNOWN);
    }

    @Test
    void aNameOfAnotherTreeIsRefusedNotTakenForAnotherSymbol() {
        SymbolTable one = new SymbolTable();
        SymbolTable other = new SymbolTable();
        Name a = one.lookup("A").ref();
        other.lookup("B"); // the same id as A in the other tree
        assertThatThrownBy(() -> other.symbol(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A");
    }

    @Test
    void freezingEndsTheNamesToo() {
        SymbolTable symbols = new SymbolTable();
        Symbol a = symbols.lookup("A");
        symbols.freeze();
        assertThat(symbols.lookup("A")).isSameAs(a);
        assertThat(symbols.find("B")).isNull();
        assertThatThrownBy(() -> symbols.lookup("B")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLiteralIsAConstantOrANameNoEntryDefines() {
        SymbolTable symbols = new SymbolTable();
        Symbol text = symbols.constant("text");
        Symbol undefined = symbols.lookup("UNDEFINED");
        assertThat(symbols.literal(new Expr.Sym(text.ref()))).isSameAs(text);
        assertThat(symbols.literal(new Expr.Sym(undefined.ref()))).isSameAs(undefined);
        assertThat(symbols.literal(new Expr.Not(new Expr.Sym(text.ref())))).isNull();
        assertThat(symbols.literal(null)).isNull();
    }

    @Test
    void theSymbolsOfAnExpressionFollowItsNames() {
        SymbolTable symbols = new SymbolTable();
        Symbol a = symbols.lookup("A");
        Symbol s = symbols.lookup("S");
        Symbol foo = symbols.constant("foo");
        Expr e = new Expr.And(new Expr.Sym(a.ref()), new Expr.Compare(Expr.CompareOp.EQUAL, s.ref(), foo.ref()));
        assertThat(symbols.symbolsOf(e)).containsExactly(a, s, foo);
    }
}
