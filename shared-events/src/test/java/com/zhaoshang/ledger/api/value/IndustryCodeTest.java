package com.zhaoshang.ledger.api.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndustryCodeTest {

    @Test
    void sectionsBToDAreIndustrial() {
        assertThat(IndustryCode.of("B0610").isIndustrial()).isTrue();
        assertThat(IndustryCode.of("C3011").isIndustrial()).isTrue();
        assertThat(IndustryCode.of("D4411").isIndustrial()).isTrue();
        assertThat(IndustryCode.of("I6510").isIndustrial()).isFalse();
        assertThat(IndustryCode.of("K70").isIndustrial()).isFalse();
    }

    @Test
    void addsTheSectionLetterToABareDivision() {
        assertThat(IndustryCode.of("3011").value()).isEqualTo("C3011");
        assertThat(IndustryCode.of("65").value()).isEqualTo("I65");
    }

    @Test
    void refusesADivisionOutsideItsSection() {
        assertThatThrownBy(() -> IndustryCode.of("A30")).hasMessageContaining("does not belong to section A");
        assertThatThrownBy(() -> IndustryCode.of("98")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IndustryCode.of("Z01")).hasMessageContaining("A to T");
        assertThatThrownBy(() -> IndustryCode.of("C3")).hasMessageContaining("2, 3 or 4 digits");
    }

    @Test
    void aClassLiesWithinItsDivisionAndSection() {
        assertThat(IndustryCode.of("C3011").isWithin(IndustryCode.of("C30"))).isTrue();
        assertThat(IndustryCode.of("C3011").isWithin(IndustryCode.of("C"))).isTrue();
        assertThat(IndustryCode.of("C3011").isWithin(IndustryCode.of("C31"))).isFalse();
    }
}
