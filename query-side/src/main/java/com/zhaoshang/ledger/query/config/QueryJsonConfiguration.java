package com.zhaoshang.ledger.query.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Money;
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
        return new SimpleModule("ledger-value-types")
                .setMixInAnnotation(UnitId.class, UnitIdJson.class)
                .setMixInAnnotation(CreditCode.class, CreditCodeJson.class)
                .setMixInAnnotation(IndustryCode.class, IndustryCodeJson.class);
    }

    /**
     * {@link Money#isPositive()} looks like a bean getter, so a plain Jackson mapper writes a {@code "positive"}
     * property that the strict mapper then refuses to read back. Never write it; ignore it where a writer put it.
     * A module of its own name: Jackson registers only one module per name, and in single-process mode the command
     * side's value-type module has the same name as ours.
     */
    @Bean
    public Module querySideMoneyJson() {
        return new SimpleModule("ledger-query-money").setMixInAnnotation(Money.class, MoneyJson.class);
    }

    @JsonIgnoreProperties({"positive"})
    abstract static class MoneyJson {
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
