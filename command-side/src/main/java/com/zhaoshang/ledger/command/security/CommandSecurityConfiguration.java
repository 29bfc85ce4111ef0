package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.command.web.ProblemKind;
import com.zhaoshang.ledger.command.web.ProblemWriter;
import com.zhaoshang.ledger.command.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import com.zhaoshang.ledger.api.value.Actor;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;
import java.util.Set;

/**
 * Security of the command side (docs/SECURITY.md): OAuth2 bearer tokens ({@code ledger.security.mode=jwt}, see
 * {@link JwtActors}) or, in the embedded demo only, HTTP Basic against {@link CommandSecurityProperties}; stateless, CSRF off (a JSON API whose clients send credentials on every request, never cookies).
 * <p>
 * The chain matches only writes under {@code /api/**} (every method but GET, HEAD and OPTIONS): in single-process
 * mode the query side's catch-all chain handles the reads. Authentication is built inline from the properties (no
 * {@code UserDetailsService} or {@code AuthenticationManager} bean), so the two sides' chains never clash.
 * Each route names its role; anything not listed is denied. 401 and 403 are recorded in {@link CommandDenialLog}.
 * The unit scope (a front office writes only for its units) is checked on the command bus, against the aggregate's
 * owning unit: {@code command.authorization.CommandAuthorization}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSecurityProperties.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommandSecurityConfiguration {

    public static final String REALM = "zhaoshang-ledger";
    public static final String PRODUCTION_PROFILE = "prod";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Every command route and the one role that may send it. */
    static void authorizeCommands(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/units")).hasRole("ADMIN")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/campaigns")).hasRole("ADMIN")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/bulletins")).hasRole("ADMIN")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/projects/*/registration")).hasRole("VERIFIER")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/projects/*/capital-arrivals/*/verification")).hasRole("VERIFIER")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/projects/*/land-reclamation")).hasRole("INSPECTOR")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/admin/clock/advance")).hasRole("ADMIN")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases")).hasRole("INSPECTOR")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases/*/review")).hasRole("LEADER")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases/*/acknowledgement")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases/*/handling")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases/*/report")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/supervision-cases/*/*")).hasRole("INSPECTOR")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/complaints")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/complaints/*/answer")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/approvals")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/approvals/*/decision")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/projects")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/projects/*/*")).hasRole("FRONT_OFFICE")
                .requestMatchers(paths.matcher(HttpMethod.POST, "/api/activities")).hasRole("FRONT_OFFICE")
                .anyRequest().denyAll());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    public SecurityFilterChain commandSecurityFilterChain(HttpSecurity http, CommandSecurityProperties properties,
                                                          ProblemWriter problems, CommandDenialLog denials,
                                                          Environment environment, Clock clock) throws Exception {
        CommandSecurityProperties.Mode mode = checkedMode(properties, environment);
        RequestMatcher writesUnderApi = request -> !READ_METHODS.contains(request.getMethod())
                && PathPatternRequestMatcher.withDefaults().matcher("/api/**").matches(request);
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            String detail;
            if (mode == CommandSecurityProperties.Mode.JWT) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
                detail = exception instanceof InsufficientAuthenticationException
                        ? "this request needs a bearer token"
                        : "the bearer token was not accepted";
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                detail = exception instanceof InsufficientAuthenticationException
                        ? "this request needs HTTP Basic credentials"
                        : "the credentials were not accepted";
            }
            denials.record(null, request, 401, detail + ": " + exception.getMessage());
            problems.write(request, response, Problems.of(ProblemKind.UNAUTHENTICATED, detail));
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> {
            denials.record(actorOf(SecurityContextHolder.getContext().getAuthentication()), request, 403,
                    "the role may not send this command");
            problems.write(request, response, Problems.of(ProblemKind.FORBIDDEN,
                    "your role may not send this command"));
        };

        http.securityMatcher(writesUnderApi)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        if (mode == CommandSecurityProperties.Mode.JWT) {
            CommandSecurityProperties.Jwt settings = properties.jwt();
            JwtDecoder decoder = JwtActors.decoder(properties, clock);
            http.httpBasic(AbstractHttpConfigurer::disable)
                    .oauth2ResourceServer(resource -> resource
                            .authenticationEntryPoint(unauthenticated)
                            .accessDeniedHandler(forbidden)
                            .jwt(jwt -> jwt.decoder(decoder)
                                    .jwtAuthenticationConverter(token -> JwtActors.authentication(token, settings))));
        } else {
            http.authenticationManager(new ProviderManager(new PropertiesAuthenticationProvider(properties.users())))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated));
        }
        authorizeCommands(http);
        return http.build();
    }

    /**
     * The authentication mode, refusing to start when demo users would serve under the {@code prod} profile, or when
     * demo mode has no users.
     */
    static CommandSecurityProperties.Mode checkedMode(CommandSecurityProperties properties, Environment environment) {
        CommandSecurityProperties.Mode mode = properties.effectiveMode();
        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE));
        if (production && (mode == CommandSecurityProperties.Mode.DEMO || !properties.users().isEmpty())) {
            throw new IllegalStateException("the demo users (ledger.security.users, ledger.security.mode=demo) are "
                    + "refused under the '" + PRODUCTION_PROFILE + "' profile: use ledger.security.mode=jwt");
        }
        if (mode == CommandSecurityProperties.Mode.DEMO && properties.users().isEmpty()) {
            throw new IllegalStateException("ledger.security.mode=demo needs ledger.security.users");
        }
        return mode;
    }

    static Actor actorOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof LedgerPrincipal principal
                ? principal.actor() : null;
    }
}
