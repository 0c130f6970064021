package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.kbuild.MakeStatement.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** make's syntax as Kbuild files use it, read into statements and evaluated. */
class MakefileReaderTest {
    @Test
    void assignmentsOperatorsAndPrefixes() {
        List<MakeStatement> s = MakefileReader.read("Makefile", """
                a = 1
                b := 2
                c ::= 3
                d += 4
                e ?= 5
                export f := 6
                override g = 7
                """).statements();
        assertThat(s).extracting(x -> ((MakeStatement.Assign) x).op()).containsExactly(Op.RECURSIVE, Op.SIMPLE,
                Op.SIMPLE, Op.APPEND, Op.CONDITIONAL, Op.SIMPLE, Op.RECURSIVE);
        assertThat(((MakeStatement.Assign) s.get(5)).export()).isTrue();
        assertThat(((MakeStatement.Assign) s.get(6)).name()).isEqualTo("g");
    }

    @Test
    void rulesAndRecipesAreSkippedButTabbedAssignmentsAreNot() {
        List<MakeStatement> s = MakefileReader.read("Makefile", """
                $(obj)/foo.o: $(src)/foo.h
                \tobj-y += recipe.o
                \techo $(CONFIG_X)

                obj-y += after.o
                ifdef CONFIG_Y
                \tobj-y += tabbed.o
                endif
                """).statements();
        assertThat(s).hasSize(2);
        assertThat(((MakeStatement.Assign) s.get(0)).value()).isEqualTo("after.o");
        MakeStatement.If i = (MakeStatement.If) s.get(1);
        assertThat(((MakeStatement.Assign) i.then().get(0)).value()).isEqualTo("tabbed.o");
    }

    @Test
    void quotedConditionalsDefineBlocksAndContinuations() {
        MakeEvaluator e = new MakeEvaluator(Path.of("."), Map.of());
        e.run(MakefileReader.read("Makefile", """
                ifeq "$(CONFIG_A)" "y"
                x := yes
                else
                x := no
                endif
                define body
                obj-y += defined.o
                endef
                list = one.o \\
                       two.o # a comment
                hash := a\\#b
                """).statements(), Condition.TRUE);
        List<Word> x = e.value("x");
        assertThat(x).extracting(w -> w.text() + "@" + w.when()).containsExactly("yes@A=y", "no@A!=y");
        assertThat(e.value("body")).extracting(Word::text).containsExactly("obj-y", "+=", "defined.o");
        assertThat(e.value("list")).extracting(Word::text).containsExactly("one.o", "two.o");
        assertThat(e.value("hash")).extracting(Word::text).containsExactly("a#b");
        assertThat(e.alternatives(e.expand("$(subst m,y,$(CONFIG_B))")))
                .extracting(a -> a.text() + "@" + a.when()).containsExactlyInAnyOrder("y@B!=n", "@B=n");
        assertThat(Condition.is("A", Tristate.YES).holds(s -> Tristate.YES)).isTrue();
    }

    @Test
    void conditionalAssignmentAndCallWithParameters() {
        MakeEvaluator e = new MakeEvaluator(Path.of("."), Map.of());
        e.run(MakefileReader.read("Makefile", """
                ifdef CONFIG_A
                v := set
                endif
                v ?= fallback
                pick = $(if $(filter y,$(1)),$(2),$(3))
                r := $(call pick,$(CONFIG_C),on.o,off.o)
                """).statements(), Condition.TRUE);
        assertThat(e.value("v")).extracting(w -> w.text() + "@" + w.when())
                .containsExactly("set@A!=n", "fallback@A=n");
        assertThat(e.value("r")).extracting(w -> w.text() + "@" + w.when()).containsExactly("on.o@C=y", "off.o@C!=y");
    }
}
