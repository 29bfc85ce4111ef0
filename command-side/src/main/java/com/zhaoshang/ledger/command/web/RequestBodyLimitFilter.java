package com.zhaoshang.ledger.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the body of every write under {@code /api/} into memory, refusing more than the limit (256 KB by default)
 * with a 413 problem, whether the client announced the length or streamed it in chunks. The bytes stay available
 * to the rest of the request ({@link #bodyOf}) for the idempotency fingerprint.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String BODY_ATTRIBUTE = RequestBodyLimitFilter.class.getName() + ".body";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final int limit;
    private final ProblemWriter problems;

    public RequestBodyLimitFilter(int limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    /** The body a command request arrived with (empty when it had none). */
    public static byte[] bodyOf(HttpServletRequest request) {
        Object body = request.getAttribute(BODY_ATTRIBUTE);
        if (!(body instanceof byte[] bytes)) {
            throw new IllegalStateException("the request body was not read by " + RequestBodyLimitFilter.class.getSimpleName());
        }
        return bytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READ_METHODS.contains(request.getMethod()) || !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(request, response);
            return;
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, Problems.of(ProblemKind.PAYLOAD_TOO_LARGE,
                "a command body may have at most " + limit + " bytes"));
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
