package com.zhaoshang.ledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.value.Actor;
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
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query side's security (docs/SECURITY.md): bearer tokens ({@code ledger.security.mode=jwt}, {@link QueryJwtActors})
 * or, in the embedded demo only, HTTP Basic against {@code ledger.security.users}; stateless, CSRF off (a JSON API).
 * This chain is the catch-all, ordered last: in single-process mode the command side's chain, matching only its
 * writes, is consulted first. Health and info are open; every other request needs a user; any role may read
 * projects, units and activities. 401 (with {@code WWW-Authenticate}) and 403 answer problem+json and are recorded in
 * {@link QueryDenialLog}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySecurityProperties.class)
public class QuerySecurityConfiguration {

    static final String REALM = "zhaoshang-ledger";
    static final String PRODUCTION_PROFILE = "prod";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public SecurityFilterChain querySecurityFilterChain(HttpSecurity http, QuerySecurityProperties properties,
                                                        ObjectMapper objectMapper, QueryDenialLog denials,
                                                        Environment environment, Clock clock) throws Exception {
        QuerySecurityProperties.Mode mode = checkedMode(properties, environment);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, mode == QuerySecurityProperties.Mode.JWT
                    ? "Bearer realm=\"" + REALM + "\"" : "Basic realm=\"" + REALM + "\"");
            String detail = mode == QuerySecurityProperties.Mode.JWT
                    ? "a valid bearer token is required" : "valid credentials are required";
            denials.record(null, request, 401, detail + ": " + e.getMessage());
            write(objectMapper, request, response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHENTICATED, "Unauthorized", detail));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            denials.record(authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null,
                    request, 403, "the role may not do this");
            write(objectMapper, request, response, ProblemTypes.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                    "Forbidden", "your role may not do this"));
        };
        String[] everyRole = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/projects", "/api/projects/**", "/api/units",
                                "/api/units/**", "/api/activities", "/api/activities/**").hasAnyRole(everyRole)
                        .anyRequest().authenticated());
        if (mode == QuerySecurityProperties.Mode.JWT) {
            QuerySecurityProperties.Jwt settings = properties.jwt();
            JwtDecoder decoder = QueryJwtActors.decoder(properties, clock);
            http.httpBasic(AbstractHttpConfigurer::disable)
                    .oauth2ResourceServer(resource -> resource
                            .authenticationEntryPoint(unauthenticated)
                            .accessDeniedHandler(forbidden)
                            .jwt(jwt -> jwt.decoder(decoder)
                                    .jwtAuthenticationConverter(token -> QueryJwtActors.authentication(token, settings))));
        } else {
            http.authenticationManager(new ProviderManager(new QueryUserAuthenticationProvider(properties.users())))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    /** The mode; demo users are refused under the {@code prod} profile, demo mode needs users. */
    static QuerySecurityProperties.Mode checkedMode(QuerySecurityProperties properties, Environment environment) {
        QuerySecurityProperties.Mode mode = properties.effectiveMode();
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))
                && (mode == QuerySecurityProperties.Mode.DEMO || !properties.users().isEmpty())) {
            throw new IllegalStateException("the demo users (ledger.security.users, ledger.security.mode=demo) are "
                    + "refused under the '" + PRODUCTION_PROFILE + "' profile: use ledger.security.mode=jwt");
        }
        if (mode == QuerySecurityProperties.Mode.DEMO && properties.users().isEmpty()) {
            throw new IllegalStateException("ledger.security.mode=demo needs ledger.security.users");
        }
        return mode;
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
