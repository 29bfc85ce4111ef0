package com.zhaoshang.ledger.query.views;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.zhaoshang.ledger.api.value.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Money#isPositive()} looks like a bean property to Jackson, so Money is written as
 * {@code {"amount":…,"currency":…,"positive":true}} and, with unknown properties failing, cannot be read back: every
 * event holding money would stop the projections. Until the shared JSON configuration handles it, the leaders' views
 * neither write nor choke on that derived field (events already stored with it stay readable).
 */
@Configuration(proxyBeanMethods = false)
public class ViewsJsonConfiguration {

    @Bean
    public Module queryViewsMoneyJson() {
        return new SimpleModule("ledger-views-money").setMixInAnnotation(Money.class, MoneyJson.class);
    }

    @JsonIgnoreProperties(value = "positive")
    abstract static class MoneyJson {
    }
}
