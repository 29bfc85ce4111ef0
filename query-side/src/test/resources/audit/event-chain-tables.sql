-- Test copy of the command side's db/command/V20__event_chain_and_seal.sql (the query side reads these tables, the
-- command side owns them). AuditTableCopyTest keeps it from drifting.
CREATE TABLE event_chain (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    global_index         BIGINT       NOT NULL,
    prev_hash            BYTEA        NOT NULL,
    hash                 BYTEA        NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);
CREATE UNIQUE INDEX event_chain_global_index ON event_chain (global_index);

CREATE TABLE event_seal (
    global_index  BIGINT NOT NULL PRIMARY KEY,
    hash_of_event BYTEA  NOT NULL,
    seal_hash     BYTEA  NOT NULL
);

CREATE TABLE audit_checkpoint (
    id                BIGSERIAL    PRIMARY KEY,
    sealed_count      BIGINT       NOT NULL,
    head_global_index BIGINT       NOT NULL,
    head_seal_hash    BYTEA        NOT NULL,
    created_at        VARCHAR(64)  NOT NULL,
    signature         VARCHAR(64)
);
