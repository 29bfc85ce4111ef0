package com.zhaoshang.ledger.single;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's tests create the event tables from a copy of the command side's migration (in production the
 * command side owns them). This keeps the copy from drifting: the statements must be the same.
 */
class EventTableCopyTest {

    @Test
    void theQuerySidesTestCopyOfTheEventTablesMatchesTheCommandSidesMigration() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<String> original = statements(root.resolve("command-side/src/main/resources/db/command/V1__event_store.sql"));
        List<String> copy = statements(root.resolve("query-side/src/test/resources/eventstore/axon-event-tables.sql"));

        assertThat(original).isNotEmpty();
        assertThat(copy).isEqualTo(original);
    }

    private static List<String> statements(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith("--") && !line.isBlank())
                .toList();
    }
}
