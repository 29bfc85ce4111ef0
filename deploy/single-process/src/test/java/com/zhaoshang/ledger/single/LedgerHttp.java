package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for end-to-end tests: JSON in, JSON out, Basic credentials per call. */
final class LedgerHttp {

    static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "admin", "admin-demo", "front", "front-demo", "bureau", "bureau-demo", "verifier", "verifier-demo",
            "leader", "leader-demo", "inspector", "inspector-demo");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    LedgerHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, JsonNode body, String contentType, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer post(String user, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (user != null) {
            String credentials = user + ":" + DEMO_PASSWORDS.get(user);
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
