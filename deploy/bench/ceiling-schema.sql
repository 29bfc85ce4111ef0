-- The event table of the command side (V1__event_store.sql), alone, for the pgbench ceiling.
DROP TABLE IF EXISTS domainevententry;
DROP SEQUENCE IF EXISTS domain_event_global_index_seq;
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
