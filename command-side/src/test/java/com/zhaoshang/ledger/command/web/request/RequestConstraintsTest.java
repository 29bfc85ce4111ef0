package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.Currency;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The constraints the request records share. */
class RequestConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    record Text(@PlainText String oneLine, @PlainText(multiLine = true) String lines, @CreditCodeText String creditCode,
                @IndustryCodeText String industryCode) {
    }

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void plainTextTakesChineseAndEmojiButNoControlOrInvisibleCharacters() {
        assertThat(PlainText.Validator.isPlain("吉安市 年产5万吨新材料项目 (一期) 🏭", false)).isTrue();
        for (String bad : new String[]{"a\u0000", "a\tb", "a\nb", "a\u202Eb", "a\u200Bb", "a\u2028b", "a\uD800", "\uDC00a"}) {
            assertThat(PlainText.Validator.isPlain(bad, false)).as(bad).isFalse();
        }
        assertThat(PlainText.Validator.isPlain("第一行\r\n第二行\n第三行", true)).isTrue();
        assertThat(PlainText.Validator.isPlain("a\rb", true)).isFalse();
    }

    @Test
    void codesAreCheckedByTheValueTypesWithTheirOwnExplanation() {
        Set<ConstraintViolation<Text>> violations = validator.validate(
                new Text("ok", "ok", "91350100M000100Y44", "Z01"));

        assertThat(violations).extracting(v -> v.getPropertyPath().toString() + ": " + v.getMessage())
                .containsExactlyInAnyOrder(
                        "creditCode: check character of credit code 91350100M000100Y44 is wrong: expected 3",
                        "industryCode: industry section must be a letter A to T (GB/T 4754), not 'Z'");
        assertThat(validator.validate(new Text(null, null, " 91350100m000100y43 ", "3011"))).isEmpty();
    }

    @Test
    void clientInputInAMessageIsNeverReadAsATemplate() {
        Set<ConstraintViolation<Text>> violations = validator.validate(new Text(null, null, null, "{x}"));

        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .containsExactly("industry section must be a letter A to T (GB/T 4754), not '{'");
    }

    @Test
    void moneyIsPositiveWithAtMostTwoDecimalsAndSixteenDigits() {
        assertThat(validator.validate(new MoneyRequest(new BigDecimal("92900000.00"), Currency.CNY))).isEmpty();
        assertThat(validator.validate(new MoneyRequest(new BigDecimal("1E+3"), Currency.USD))).isEmpty();
        for (String amount : new String[]{"0", "-1", "0.001", "1.000", "12345678901234567"}) {
            assertThat(validator.validate(new MoneyRequest(new BigDecimal(amount), Currency.CNY)))
                    .as(amount).hasSize(1);
        }
    }
}
