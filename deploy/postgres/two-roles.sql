-- Two roles for a qai-loader warehouse (deploy/README.md, "Two roles"):
--   qai_owner  owns the schema and runs `qai-loader migrate`;
--   qai_loader runs sync, backfill, verify and status with only the rights those need.
-- Run it with psql as a superuser, connected to the warehouse database, before the first
-- `migrate` and again after every `migrate` (it changes nothing that is already right):
--   psql -X -v ON_ERROR_STOP=1 -d warehouse -f deploy/postgres/two-roles.sql
-- Other names: -v owner=... -v loader=... -v schema=... (defaults qai_owner, qai_loader, qai).
-- The roles are created without passwords; set them apart, e.g. \password qai_loader in psql.

SET client_min_messages = warning;

\if :{?owner}
\else
\set owner qai_owner
\endif
\if :{?loader}
\else
\set loader qai_loader
\endif
\if :{?schema}
\else
\set schema qai
\endif

-- The roles, when they do not exist yet.
SELECT format('CREATE ROLE %I LOGIN', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'loader')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'loader') \gexec

-- Both connect; the loader's staging tables are temporary tables.
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'owner') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), :'loader') \gexec

-- The schema belongs to the owner, so `migrate` (run as the owner) creates and alters everything in it.
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"owner";
GRANT USAGE ON SCHEMA :"schema" TO :"loader";

-- Objects the owner creates later (every later migration) get the loader's rights at once.
-- Default privileges cannot tell tables from views, nor spare schema_migrations: the end of this
-- file takes back what the loader does not need, which is why it is run again after `migrate`.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"schema"
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"loader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"schema"
    GRANT USAGE ON SEQUENCES TO :"loader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA :"schema"
    GRANT EXECUTE ON FUNCTIONS TO :"loader";

-- What exists now: read and write the loader's tables (fact_*, bridge_*, dim_*, etl_*, rollup_*).
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I.%I TO %I', :'schema', c.relname, :'loader')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :'schema' AND c.relkind IN ('r', 'p')
    AND c.relname ~ '^(fact|bridge|dim|etl|rollup)_'
ORDER BY c.relname \gexec

-- schema_migrations and schema_repeatables are migrate's: the loader only reads them (check and
-- every command compare versions).
SELECT format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE %I.%I FROM %I', :'schema', t.name, :'loader'),
    format('GRANT SELECT ON TABLE %I.%I TO %I', :'schema', t.name, :'loader')
FROM (VALUES ('schema_migrations'), ('schema_repeatables')) AS t (name)
WHERE to_regclass(format('%I.%I', :'schema', t.name)) IS NOT NULL \gexec

-- The loader does not read or write the views (analysts and Grafana do, see --create-reader-role).
SELECT format('REVOKE ALL ON TABLE %I.%I FROM %I', :'schema', c.relname, :'loader')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :'schema' AND c.relkind IN ('v', 'm')
ORDER BY c.relname \gexec

-- Sequences of serial columns (identity columns, which the schema uses, need no grant).
GRANT USAGE ON ALL SEQUENCES IN SCHEMA :"schema" TO :"loader";
-- The schema's functions: refresh_rollups(date[]), which sync and backfill call after a load.
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA :"schema" TO :"loader";
