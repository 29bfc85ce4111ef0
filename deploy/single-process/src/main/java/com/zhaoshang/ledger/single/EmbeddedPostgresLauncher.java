package com.zhaoshang.ledger.single;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts an embedded PostgreSQL before the application context when no {@code spring.datasource.url} is configured
 * (or {@code ledger.embedded-postgres.enabled=true}), keeping its data in {@code ledger.embedded-postgres.data-dir}
 * (default {@code ~/.zhaoshang-ledger/postgres}) so a second run sees the data of the first. Stopped with the context.
 */
public class EmbeddedPostgresLauncher implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    public static final String DATA_DIR = "ledger.embedded-postgres.data-dir";
    public static final String PORT = "ledger.embedded-postgres.port";
    public static final String ENABLED = "ledger.embedded-postgres.enabled";

    private EmbeddedPostgres postgres;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
            stop();
        }
    }

    private void start(ConfigurableEnvironment env) {
        boolean urlGiven = env.containsProperty("spring.datasource.url");
        boolean enabled = env.getProperty(ENABLED, Boolean.class, !urlGiven);
        if (!enabled || postgres != null) {
            return;
        }
        Path dataDir = Path.of(env.getProperty(DATA_DIR,
                System.getProperty("user.home") + "/.zhaoshang-ledger/postgres")).toAbsolutePath();
        int port = env.getProperty(PORT, Integer.class, 0);
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")));
    }

    private void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("could not stop embedded PostgreSQL", e);
            }
            postgres = null;
        }
    }
}
