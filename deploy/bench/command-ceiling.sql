-- pgbench custom transaction shaped like one command of the ledger (docs/PERFORMANCE.md, "the ceiling"):
-- read the stream's last sequence, insert one event row of realistic size, commit. Each client appends to its own
-- 10,000 streams, so two clients never race for one sequence number (like the load tool's clients).
\set stream random(1, 10000)
BEGIN;
SELECT coalesce(max(sequencenumber), -1) + 1 AS next FROM domainevententry
 WHERE aggregateidentifier = 'c' || :client_id || '-' || :stream \gset
INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
VALUES ('c' || :client_id || '-' || :stream, :next, 'Project', gen_random_uuid()::text,
        convert_to('{"correlationId":"8c5d0a52-1b8e-4f7e-a1c4-d2f3e4a5b6c7","role":"FRONT_OFFICE","traceId":"8c5d0a52-1b8e-4f7e-a1c4-d2f3e4a5b6c7","unitId":"360802","userId":"front"}', 'UTF8'),
        convert_to('{"projectId":"c' || :client_id || '-' || :stream || '","arrivalId":"' || gen_random_uuid()::text || '","amount":{"amount":"30000000","currency":"CNY"},"foreignExchange":false,"occurredOn":"2026-06-15","note":"江西某某新能源科技有限公司第一期到资"}', 'UTF8'),
        '1', 'com.zhaoshang.ledger.api.project.CapitalArrivedEvent', clock_timestamp()::text);
COMMIT;
