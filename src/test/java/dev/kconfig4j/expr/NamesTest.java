package dev.kconfig4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A tree's names: interned, with dense ids, constants apart from symbol names, and final once read. */
class NamesTest {
    private final Names names = new Names();

    @Test
    void theTristateConstantsComeFirst() {
        assertThat(names.all()).containsExactly(names.yes(), names.mod(), names.no());
        assertThat(names.yes().id()).isZero();
        assertThat(names.no().isConstant("n")).isTrue();
        assertThat(names.mod().isConstant("y")).isFalse();
    }

    @Test
    void oneTextIsOneNameWithTheNextId() {
        Name a = names.lookup("A");
        assertThat(names.lookup("A")).isSameAs(a);
        assertThat(names.find("A")).isSameAs(a);
        assertThat(names.find("B")).isNull();
        assertThat(a.id()).isEqualTo(3);
        assertThat(names.lookup("B").id()).isEqualTo(4);
        assertThat(names.size()).isEqualTo(5);
    }

    @Test
    void constantsLiveApartFromSymbolNames() {
        // "config y" names a symbol y, which is not the constant y; "foo" in quotes is not the symbol foo.
        Name symbolY = names.lookup("y");
        assertThat(symbolY).isNotSameAs(names.yes());
        assertThat(symbolY.isConstant()).isFalse();
        Name quoted = names.constant("foo");
        assertThat(quoted).isNotSameAs(names.lookup("foo")).isSameAs(names.constant("foo"));
        assertThat(names.constant("y")).isSameAs(names.yes());
    }

    @Test
    void expressionsPrintNamesAsWritten() {
        assertThat(names.constant("foo")).hasToString("\"foo\"");
        assertThat(names.yes()).hasToString("y");
        assertThat(names.lookup("FOO")).hasToString("FOO");
        assertThat(names.choice(null)).hasToString("<choice>");
    }

    @Test
    void everyAnonymousChoiceHasANameOfItsOwn() {
        Name first = names.choice(null);
        Name second = names.choice(null);
        assertThat(first).isNotSameAs(second);
        assertThat(first.isChoice()).isTrue();
        assertThat(first.text()).isNull();
        assertThat(names.find("null")).isNull();
    }

    @Test
    void aNamedChoiceIsFoundByItsName() {
        Name choice = names.choice("CHOICE_A");
        assertThat(names.lookup("CHOICE_A")).isSameAs(choice);
        assertThat(names.choice("CHOICE_A")).isSameAs(choice);
        // A name met as a symbol first stays the one name (the tree then defines it as a choice).
        Name earlier = names.lookup("B");
        assertThat(names.choice("B")).isSameAs(earlier);
    }

    @Test
    void aFrozenTableMakesNoNewName() {
        Name a = names.lookup("A");
        names.freeze();
        assertThat(names.lookup("A")).isSameAs(a);
        assertThat(names.find("B")).isNull();
        assertThatThrownBy(() -> names.lookup("B")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> names.constant("text")).isInstanceOf(IllegalStateException.class);
    }
}
