package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.api.value.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the facts themselves from the event table (the event store is the audit log): each with its type, payload,
 * both times, the actor from its metadata, its stream position and its chain hash.
 */
@Component
public class AuditHistory {

    private static final String SELECT = """
            SELECT d.globalindex, d.aggregateidentifier, d.sequencenumber, d.eventidentifier, d.payloadtype,
                   d.payloadrevision, d.payload, d.metadata, d.timestamp, c.hash
            FROM domainevententry d
            LEFT JOIN event_chain c
              ON c.aggregate_identifier = d.aggregateidentifier AND c.sequence_number = d.sequencenumber
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    /** Reads stored payloads with exact decimals: an amount stays 120000000.00, never the double 1.2E8. */
    private final ObjectReader payloads;

    public AuditHistory(JdbcClient jdbc, ObjectMapper json) {
        this.payloads = json.reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Who recorded a fact, as the metadata says; null fields when the fact was recorded by no user (a rule). */
    public record ActorView(String userId, String role, String unitId) {
    }

    /**
     * One fact.
     *
     * @param type       the event's simple type name, e.g. {@code LeadRegisteredEvent}
     * @param occurredOn the business date the payload declares (null if the event has none)
     * @param recordedAt when the system recorded it (the event's timestamp)
     * @param hash       the event's chain hash (hex), null if it has no chain record
     */
    public record HistoryEntry(String aggregateIdentifier, long sequence, long globalIndex, String eventIdentifier,
                               String type, String payloadType, String revision, JsonNode payload,
                               String occurredOn, String recordedAt, ActorView actor, String hash) {
    }

    /** A page of facts in recording order; {@code hasMore} tells whether a next page exists. */
    public record HistoryPage(int page, int size, boolean hasMore, List<HistoryEntry> events) {
    }

    /** Every fact of one project (its stream), in sequence. */
    public List<HistoryEntry> ofProject(String projectId) {
        return jdbc.sql(SELECT + " WHERE d.aggregateidentifier = :id ORDER BY d.sequencenumber")
                .param("id", projectId)
                .query((rs, row) -> entry(rs))
                .list();
    }

    /** The facts recorded by one user, optionally within [from, to) of recording time. */
    public HistoryPage ofActor(String userId, Instant from, Instant to, int page, int size) {
        return page(Actor.USER_ID, userId, from, to, page, size);
    }

    /** The facts recorded by the users of one unit, optionally within [from, to) of recording time. */
    public HistoryPage ofUnit(String unitId, Instant from, Instant to, int page, int size) {
        return page(Actor.UNIT_ID, unitId, from, to, page, size);
    }

    private HistoryPage page(String metaDataKey, String value, Instant from, Instant to, int page, int size) {
        StringBuilder sql = new StringBuilder(SELECT)
                .append(" WHERE convert_from(d.metadata, 'UTF8')::jsonb ->> :key = :value");
        if (from != null) {
            sql.append(" AND d.timestamp::timestamptz >= :from");
        }
        if (to != null) {
            sql.append(" AND d.timestamp::timestamptz < :to");
        }
        sql.append(" ORDER BY d.globalindex LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("key", metaDataKey)
                .param("value", value)
                .param("limit", size + 1)
                .param("offset", (long) page * size);
        if (from != null) {
            statement = statement.param("from", Timestamp.from(from));
        }
        if (to != null) {
            statement = statement.param("to", Timestamp.from(to));
        }
        List<HistoryEntry> found = new ArrayList<>(statement.query((rs, row) -> entry(rs)).list());
        boolean hasMore = found.size() > size;
        return new HistoryPage(page, size, hasMore, hasMore ? found.subList(0, size) : found);
    }

    private HistoryEntry entry(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payloadtype");
        JsonNode payload = parse(rs.getBytes("payload"));
        JsonNode metaData = parse(rs.getBytes("metadata"));
        JsonNode occurredOn = payload == null ? null : payload.get("occurredOn");
        return new HistoryEntry(rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                rs.getLong("globalindex"), rs.getString("eventidentifier"), simpleName(payloadType), payloadType,
                rs.getString("payloadrevision"), payload,
                occurredOn == null || occurredOn.isNull() ? null : occurredOn.asText(),
                rs.getString("timestamp"), actor(metaData), EventChainHash.hex(rs.getBytes("hash")));
    }

    private static ActorView actor(JsonNode metaData) {
        if (metaData == null) {
            return new ActorView(null, null, null);
        }
        return new ActorView(text(metaData, Actor.USER_ID), text(metaData, Actor.ROLE), text(metaData, Actor.UNIT_ID));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String simpleName(String type) {
        int cut = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
        return type.substring(cut + 1);
    }

    /** The stored bytes as JSON; a row that is not JSON (damaged or foreign) is shown as a string, never hidden. */
    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return payloads.readTree(bytes);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
