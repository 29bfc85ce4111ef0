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
