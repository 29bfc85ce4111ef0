package com.zhaoshang.ledger.query.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit tests create the chain tables from a copy of the command side's migration: the copy must not drift. */
class AuditTableCopyTest {

    @Test
    void theTestCopyOfTheChainTablesMatchesTheCommandSidesMigration() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        List<String> original = statements(module.resolveSibling("command-side")
                .resolve("src/main/resources/db/command/V20__event_chain_and_seal.sql"));
        List<String> copy = statements(module.resolve("src/test/resources/audit/event-chain-tables.sql"));

        assertThat(original).isNotEmpty();
        assertThat(copy).isEqualTo(original);
    }

    private static List<String> statements(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith("--") && !line.isBlank())
                .toList();
    }
}
