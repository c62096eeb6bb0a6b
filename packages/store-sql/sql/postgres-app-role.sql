-- Carepanel's least-privilege PostgreSQL role for the running apps.
-- Run as the owner of Carepanel's tables (the role that ran the migrations), after the migrations,
-- and again after any upgrade that adds tables. The role itself is created by the DBA beforehand:
--   CREATE ROLE carepanel_app LOGIN PASSWORD '...';
-- The apps then connect with DATABASE_URL=postgres://carepanel_app:...@host/db. carepanel_app can append
-- events and access-log entries (and their signed chain links) but never change or remove one: it holds no
-- UPDATE, DELETE or TRUNCATE on them, and, not owning any table, it cannot drop or disable the append-only
-- triggers either.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO carepanel_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO carepanel_app;
REVOKE UPDATE, DELETE, TRUNCATE ON events, access_log, chain_links, signing_keys, chain_starts, store_identity FROM carepanel_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO carepanel_app;
