package com.zhaoshang.ledger.load;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Starting one side in-process against the benchmark database, for the in-process benchmarks. */
final class Benchmarks {

    private Benchmarks() {
    }

    static ConfigurableApplicationContext start(Class<?> application, Options options, String... extra) {
        return start(application, options.get("jdbc-url", "jdbc:postgresql://localhost:5432/ledger"),
                options.get("db-user", "ledger"), options.getOrEnv("db-password", "LEDGER_DB_PASSWORD", ""), extra);
    }

    static ConfigurableApplicationContext start(Class<?> application, String url, String user, String password,
                                                String... extra) {
        return start(new Class<?>[] {application}, url, user, password, extra);
    }

    static ConfigurableApplicationContext start(Class<?>[] sources, String url, String user, String password,
                                                String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                "server.port=0",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "ledger.security.users[0].username=bench",
                "ledger.security.users[0].password={noop}bench-" + System.nanoTime(),
                "ledger.security.users[0].role=ADMIN",
                "ledger.security.users[0].unit-id=360800"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.SERVLET)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    static String machine() {
        return String.format("%d cores, %s %s, Java %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }
}
