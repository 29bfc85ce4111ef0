package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The command side's web infrastructure: the {@link CommandContext} parameter and the body size limit. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver());
    }

    /**
     * Text fields take JSON strings only: a number or boolean where text is expected ({@code "unitId":360802}) is a
     * 400, not silently turned into text. Jackson already refuses trailing content after the body's document
     * ({@code spring.jackson.parser/deserialization} in the side's defaults).
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer commandStrictTextCoercion() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Runs after Spring Security's filters (order -100), so anonymous clients never make the server read a body. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> commandBodyLimitFilter(
            @Value("${ledger.command.web.max-body-size:256KB}") DataSize maxBodySize, ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(Math.toIntExact(maxBodySize.toBytes()), problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        registration.setName("commandBodyLimitFilter");
        return registration;
    }
}
