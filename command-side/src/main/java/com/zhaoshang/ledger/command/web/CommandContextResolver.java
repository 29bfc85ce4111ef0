package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.command.security.LedgerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the {@link CommandContext} of a command request; malformed headers are refused with 400. */
public class CommandContextResolver implements HandlerMethodArgumentResolver {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    /** 1 to 100 printable ASCII characters, no spaces. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    /** A strong entity tag holding a version: {@code "12"}. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandContext.class.equals(parameter.getParameterType());
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("command requests are servlet requests");
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof LedgerPrincipal principal)) {
            throw new IllegalStateException("a command request reached a controller without an authenticated ledger user");
        }
        return new CommandContext(principal.actor(), request.getMethod(), request.getRequestURI(),
                RequestBodyLimitFilter.bodyOf(request), idempotencyKey(request), expectedVersion(request),
                namesTarget(request));
    }

    static String idempotencyKey(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(IDEMPOTENCY_KEY));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidHeaderException(IDEMPOTENCY_KEY, "give one Idempotency-Key, not " + values.size());
        }
        String key = values.get(0);
        if (!KEY.matcher(key).matches()) {
            throw new InvalidHeaderException(IDEMPOTENCY_KEY,
                    "must be 1 to 100 printable ASCII characters without spaces");
        }
        return key;
    }

    /** {@code "n"} → n; {@code *} or no header → null (no condition); anything else is refused. */
    static Long expectedVersion(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(IF_MATCH));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidHeaderException(IF_MATCH, "give one version, not " + values.size());
        }
        String value = values.get(0).strip();
        if (value.equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidHeaderException(IF_MATCH, "must be one quoted version as the ETag gave it, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static boolean namesTarget(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && !map.isEmpty();
    }
}
