package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the command side's tests: JSON in, status, headers and JSON out, Basic credentials per call. */
final class CommandHttp {

    static final Map<String, String> PASSWORDS = Map.of(
            "admin", "admin-pw", "front", "front-pw", "front2", "front2-pw", "verifier", "verifier-pw",
            "leader", "leader-pw", "inspector", "inspector-pw", "front-city", "front-city-pw",
            "front-sibling", "front-sibling-pw", "verifier-sibling", "verifier-sibling-pw",
            "inspector-sibling", "inspector-sibling-pw");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    CommandHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, String text, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return text == null || text.isBlank() ? null : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** The offending fields of a 400 validation problem. */
        List<String> errorFields() {
            JsonNode errors = json().get("errors");
            return errors == null ? List.of() : errors.findValuesAsText("field");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Answer post(String user, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        return send(withHeaders(request, headers).build());
    }

    /** A POST whose body is streamed in chunks, without a Content-Length. */
    Answer postChunked(String user, String path, byte[] body) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        return send(request.build());
    }

    Answer send(String user, String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(user, path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(withHeaders(request, headers).build());
    }

    Answer postWithPassword(String user, String password, String path, String jsonBody) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build();
        return send(request);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", basic(user, PASSWORDS.get(user)));
        }
        return builder;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
