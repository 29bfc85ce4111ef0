package com.zhaoshang.ledger.query.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vocabulary carries no Jackson annotations; these mix-ins write the single-value types as plain strings
 * ({@code "unitId": "360802"}) in events and answers. The command side registers the same form.
 */
@Configuration(proxyBeanMethods = false)
public class QueryJsonConfiguration {

    @Bean
    public Module querySideValueTypes() {
        return new SimpleModule("ledger-query-value-types")
                .setMixInAnnotation(UnitId.class, UnitIdJson.class)
                .setMixInAnnotation(CreditCode.class, CreditCodeJson.class)
                .setMixInAnnotation(IndustryCode.class, IndustryCodeJson.class);
    }

    abstract static class UnitIdJson {
        @JsonCreator
        UnitIdJson(String value) {
        }

        @JsonValue
        abstract String value();
    }

    abstract static class CreditCodeJson {
        @JsonCreator
        CreditCodeJson(String value) {
        }

        @JsonValue
        abstract String value();
    }

    abstract static class IndustryCodeJson {
        @JsonCreator
        IndustryCodeJson(String value) {
        }

        @JsonValue
        abstract String value();
    }
}
