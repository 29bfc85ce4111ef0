package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.zhaoshang.ledger.api.value.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Money#isPositive()} looks like a bean property to Jackson, which would write {@code "positive": true} into
 * every stored event and then refuse to read it back (the mapper fails on unknown properties). This mix-in keeps money
 * as {@code {"amount": "…", "currency": "…"}} and tolerates the flag in anything already written.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyJsonConfiguration {

    @Bean
    public Module commandSideMoneyJson() {
        return new SimpleModule("ledger-command-money").setMixInAnnotation(Money.class, MoneyJson.class);
    }

    @JsonIgnoreProperties({"positive"})
    abstract static class MoneyJson {
    }
}
