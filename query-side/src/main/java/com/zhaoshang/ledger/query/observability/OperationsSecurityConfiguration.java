package com.zhaoshang.ledger.query.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What may be read without a login (issue 9), kept apart from the API's security:
 * <ul>
 *   <li>{@code /v3/api-docs/**}, {@code /swagger-ui/**}, {@code /swagger-ui.html}: the contract is public to the front
 *       offices that integrate against it (trying a route in Swagger UI still needs credentials);</li>
 *   <li>{@code /webjars/**}: the dashboard's charting library (code, no data);</li>
 *   <li>{@code /actuator/prometheus}: operational counters only (no names, amounts or ids), for the scraper; keep the
 *       port on an internal network or move it with {@code management.server.port}.</li>
 * </ul>
 * The dashboard ({@code /dashboard/**}) is NOT here: it needs the API's login (the query side's catch-all chain).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 90)
    public SecurityFilterChain operationsSecurityFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher open = new OrRequestMatcher(
                paths.matcher(HttpMethod.GET, "/v3/api-docs"),
                paths.matcher(HttpMethod.GET, "/v3/api-docs/**"),
                paths.matcher(HttpMethod.GET, "/swagger-ui.html"),
                paths.matcher(HttpMethod.GET, "/swagger-ui/**"),
                paths.matcher(HttpMethod.GET, "/webjars/**"),
                paths.matcher(HttpMethod.GET, "/actuator/prometheus"));
        return http.securityMatcher(open)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
