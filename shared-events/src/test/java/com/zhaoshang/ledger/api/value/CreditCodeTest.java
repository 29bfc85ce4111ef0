package com.zhaoshang.ledger.api.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    @Test
    void acceptsCodesWhoseCheckCharacterMatches() {
        // The example code printed in GB 32100-2015's explanatory material.
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        String first17 = "91110108MA01ABCDE";
        String valid = first17 + CreditCode.checkCharacterFor(first17);
        assertThat(new CreditCode(valid).value()).isEqualTo(valid);
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> new CreditCode("91350100M000100Y44"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void refusesLettersTheStandardNeverUses() {
        assertThatThrownBy(() -> new CreditCode("91350100I000100Y43"))
                .hasMessageContaining("not allowed");
    }

    @Test
    void refusesWrongLength() {
        assertThatThrownBy(() -> new CreditCode("9135010"))
                .hasMessageContaining("18 characters");
    }

    @Test
    void ofNormalisesCaseAndBlanks() {
        assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }
}
