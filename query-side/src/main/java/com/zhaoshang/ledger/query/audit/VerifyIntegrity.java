package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The command-line verifier (deploy/tools/verify-integrity.sh runs it): checks the whole log of a database, prints
 * the same report as {@code GET /api/audit/integrity} and exits 0 when it holds, 1 when a record fails, 2 when it
 * could not check (usage, connection).
 * <pre>
 * VerifyIntegrity --url=jdbc:postgresql://host:5432/ledger [--user=…] [--checkpoint-file=checkpoint-….json]
 * </pre>
 * The password and the checkpoint key are read from the environment ({@code LEDGER_DB_PASSWORD} or
 * {@code PGPASSWORD}; {@code LEDGER_AUDIT_CHECKPOINT_KEY}) so they never show in a process list; {@code --url}
 * and {@code --user} may come from {@code LEDGER_DB_URL} and {@code LEDGER_DB_USER}.
 */
public final class VerifyIntegrity {

    private VerifyIntegrity() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                err.println("usage: VerifyIntegrity --url=jdbc:postgresql://host:port/db [--user=name] "
                        + "[--checkpoint-file=path]  (env: LEDGER_DB_URL, LEDGER_DB_USER, LEDGER_DB_PASSWORD or "
                        + "PGPASSWORD, LEDGER_AUDIT_CHECKPOINT_KEY)");
                return 2;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                err.println("unknown argument " + arg + " (try --help)");
                return 2;
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String url = options.getOrDefault("url", environment.get("LEDGER_DB_URL"));
        if (url == null || url.isBlank()) {
            err.println("no database: give --url=jdbc:postgresql://host:port/db or LEDGER_DB_URL (try --help)");
            return 2;
        }
        Properties connectionProperties = new Properties();
        String user = options.getOrDefault("user", environment.get("LEDGER_DB_USER"));
        String password = environment.getOrDefault("LEDGER_DB_PASSWORD", environment.get("PGPASSWORD"));
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        IntegrityVerifier verifier = new IntegrityVerifier(environment.get("LEDGER_AUDIT_CHECKPOINT_KEY"));
        try (Connection connection = DriverManager.getConnection(url, connectionProperties)) {
            IntegrityVerifier.Checkpoint kept = options.containsKey("checkpoint-file")
                    ? readCheckpoint(json, Path.of(options.get("checkpoint-file"))) : null;
            long started = System.nanoTime();
            IntegrityReport report = verifier.verify(connection, kept);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(json.writeValueAsString(report));
            err.printf("verified %d events and %d seals in %.2f s (%.0f events/s): %s%n", report.checkedEvents(),
                    report.sealedEvents(), seconds, report.checkedEvents() / Math.max(seconds, 1e-9),
                    report.ok() ? "OK" : "FAILED");
            return report.ok() ? 0 : 1;
        } catch (SQLException | IOException e) {
            err.println("could not verify: " + e.getMessage());
            return 2;
        }
    }

    static IntegrityVerifier.Checkpoint readCheckpoint(ObjectMapper json, Path file) throws IOException {
        JsonNode node = json.readTree(file.toFile());
        JsonNode signature = node.get("signature");
        return new IntegrityVerifier.Checkpoint(node.get("sealedCount").asLong(), node.get("headGlobalIndex").asLong(),
                node.get("headSealHash").asText(), node.get("createdAt").asText(),
                signature == null || signature.isNull() ? null : signature.asText(), file.toString());
    }
}
