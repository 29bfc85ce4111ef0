package com.zhaoshang.ledger.single;

import com.zhaoshang.ledger.command.CommandSideConfiguration;
import com.zhaoshang.ledger.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Both sides in one process on one port: the embedded default. Unless {@code spring.datasource.url} is given,
 * it starts an embedded PostgreSQL whose data directory survives restarts (see {@link EmbeddedPostgresLauncher}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LedgerApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        application.addListeners(new EmbeddedPostgresLauncher());
        return application;
    }
}
