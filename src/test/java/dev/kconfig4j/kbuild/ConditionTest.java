package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.expr.Tristate;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final Condition AY = Condition.is("A", Tristate.YES);
    private static final Condition AM = Condition.is("A", Tristate.MOD);
    private static final Condition BY = Condition.is("B", Tristate.YES);

    @Test
    void canonicalFormPrintsLikeKconfig() {
        assertThat(AY.or(AM)).hasToString("A!=n");
        assertThat(AY.or(AM).or(Condition.is("A", Tristate.NO))).isEqualTo(Condition.TRUE);
        assertThat(AY.and(AM)).isEqualTo(Condition.FALSE);
        assertThat(AY.and(BY).or(AY)).isEqualTo(AY);
        assertThat(AY.and(BY).or(AM.and(BY))).hasToString("A!=n && B=y");
        assertThat(AY.or(BY)).hasToString("A=y || B=y");
    }

    @Test
    void negationRestrictionAndEvaluation() {
        Condition c = AY.and(BY).not();
        assertThat(c).hasToString("A!=y || B!=y");
        assertThat(c.restrict("A", Tristate.YES)).hasToString("B!=y");
        assertThat(c.restrict("A", Tristate.NO)).isEqualTo(Condition.TRUE);
        assertThat(c.holds(s -> Tristate.YES)).isFalse();
        assertThat(c.holds(s -> s.equals("A") ? Tristate.MOD : Tristate.YES)).isTrue();
        assertThat(c.symbols()).containsExactly("A", "B");
    }
}
