-- Test copy of the command side's migrations V1__event_store.sql and V20__event_chain_and_seal.sql (the query side
-- reads these tables but never migrates them). Keep in step with command-side/src/main/resources/db/command.
-- Axon's JDBC event store (default EventSchema names; PostgreSQL folds them to lower case).
-- Payloads and metadata are BYTEA: no large objects, nothing vacuum cannot free.
-- The global index has its own sequence with cache 1: no blocks of 50, so gaps come only from rolled-back or
-- concurrent transactions.
CREATE SEQUENCE domain_event_global_index_seq START 1 INCREMENT 1 CACHE 1;

CREATE TABLE domainevententry (
    globalindex         BIGINT       NOT NULL DEFAULT nextval('domain_event_global_index_seq'),
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);
ALTER SEQUENCE domain_event_global_index_seq OWNED BY domainevententry.globalindex;

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

-- Tamper evidence (docs/AUDIT.md).
-- event_chain: one row per stored event, written by ChainingJdbcEventStorageEngine in the append's transaction.
-- hash = SHA-256 of the event's canonical form, which includes prev_hash (the hash of the stream's previous event,
-- 32 zero bytes for sequence 0). global_index repeats the event's global index (not hashed: the seal chain binds
-- positions), so a verifier streams events, chain records and seals side by side in one order, with no join.
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

-- event_seal: the sealer folds committed events in global-index order into one chain.
-- seal_hash = SHA-256 of (global_index, hash_of_event, previous seal_hash); catches deleted tails and reordering.
CREATE TABLE event_seal (
    global_index  BIGINT NOT NULL PRIMARY KEY,
    hash_of_event BYTEA  NOT NULL,
    seal_hash     BYTEA  NOT NULL
);

-- Signed checkpoints of the seal chain (also written as files to ledger.audit.checkpoint-dir).
-- signature = hex HMAC-SHA256(ledger.audit.checkpoint-key, checkpoint text); NULL when no key is configured.
CREATE TABLE audit_checkpoint (
    id                BIGSERIAL    PRIMARY KEY,
    sealed_count      BIGINT       NOT NULL,
    head_global_index BIGINT       NOT NULL,
    head_seal_hash    BYTEA        NOT NULL,
    created_at        VARCHAR(64)  NOT NULL,
    signature         VARCHAR(64)
);
