package com.zhaoshang.ledger.query.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the inspectors-only guard (which also records every access) in front of every audit route. */
@Configuration(proxyBeanMethods = false)
public class AuditWebConfiguration implements WebMvcConfigurer {

    private final AuditAccessInterceptor guard;

    public AuditWebConfiguration(AuditAccessInterceptor guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/api/audit/**");
    }
}
