package com.zhaoshang.ledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.query.web.ProblemTypes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query side's security: HTTP Basic against {@code ledger.security.users}, stateless, CSRF off (a JSON API).
 * This chain is the catch-all, ordered last: in single-process mode the command side's chain, matching only its
 * writes, is consulted first. Health and info are open; every other request needs a user; any role may read
 * projects, units and activities. 401 (with {@code WWW-Authenticate: Basic}) and 403 answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySecurityProperties.class)
public class QuerySecurityConfiguration {

    static final String REALM = "zhaoshang-ledger";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public SecurityFilterChain querySecurityFilterChain(HttpSecurity http, QuerySecurityProperties properties,
                                                        ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            write(objectMapper, request, response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHENTICATED, "Unauthorized", "valid credentials are required"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(objectMapper, request, response,
                ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                        "your role may not do this"));
        String[] everyRole = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        return http
                .authenticationManager(new ProviderManager(new QueryUserAuthenticationProvider(properties.users())))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/projects", "/api/projects/**", "/api/units",
                                "/api/units/**", "/api/activities", "/api/activities/**").hasAnyRole(everyRole)
                        .anyRequest().authenticated())
                .build();
    }

    private static void write(ObjectMapper objectMapper, HttpServletRequest request, HttpServletResponse response,
                              ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
