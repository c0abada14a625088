-- distribute.sql: spreads the warehouse over a Citus cluster (`qai-loader migrate --distribute`).
--
-- Runs, like a migration, after `SET LOCAL search_path TO <schema>, pg_catalog`, in one
-- transaction, on a coordinator with the citus extension and its workers added. Idempotent:
-- tables Citus already manages stay as they are. One rule places every table, so a table that a
-- later migration adds is placed by the same rule (`migrate` applies it again after the
-- migrations of a distributed schema; a migration author only names the key column):
--
-- * A table whose primary key includes `conversation_id` is hash-distributed on it, colocated
--   with `fact_conversation`: a conversation's fact, metrics, bridges, intents, voice analytics
--   and audit history live on one worker, so the merge's joins, child-row replacement and
--   foreign keys stay on that worker.
-- * Every other table is a reference table, copied to every node: the dimensions (joined with the
--   facts on the workers), the rollups, `etl_*` and `schema_migrations` (small, written once a
--   batch or a night). A referenced table is placed before the tables whose foreign keys point
--   at it, one at a time (Citus itself turns a table with a foreign key to a new reference table
--   into a coordinator-local Citus table; the next round makes it a reference table too).
--
-- Creating reference tables with foreign keys in the same transaction as distributed tables
-- needs one connection per node (Citus's sequential mode).
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Citus drops and recreates the views over a table it turns into a coordinator-local table on the
-- way (see above: etl_slice and etl_rejected, under v_loader_stream and v_loader_rejection), without
-- their comments and with only the grants that default privileges give (a role granted SELECT on
-- a view by hand would lose it). The block notes both for every view of the schema first and
-- applies them again at the end (a no-op for views that kept them).
DO $distribute$
DECLARE
    target regclass;
    placed boolean;
    restore text[];
    statement text;
BEGIN
    restore := ARRAY(
        SELECT format('COMMENT ON VIEW %s IS %L', c.oid::regclass, d.description)
        FROM pg_class c
        JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
        UNION ALL
        SELECT format('COMMENT ON COLUMN %s.%I IS %L', c.oid::regclass, a.attname, d.description)
        FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
        UNION ALL
        SELECT format('GRANT %s ON %s TO %s%s', x.privilege_type, c.oid::regclass,
            CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x.grantee)) END,
            CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
        FROM pg_class c, aclexplode(c.relacl) x
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v' AND x.grantee <> c.relowner);

    IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'fact_conversation'::regclass AND partmethod = 'h')
    THEN
        PERFORM create_distributed_table('fact_conversation', 'conversation_id');
    END IF;

    LOOP
        placed := false;
        FOR target IN
            SELECT c.oid::regclass
            FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (
                  SELECT FROM pg_dist_partition p
                  WHERE p.logicalrelid = c.oid AND (p.partmethod = 'h' OR p.repmodel = 't'))
              AND NOT EXISTS (
                  SELECT FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                  WHERE i.indrelid = c.oid AND i.indisprimary AND a.attname = 'conversation_id')
              AND NOT EXISTS (
                  SELECT FROM pg_constraint f
                  WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid
                    AND NOT EXISTS (
                        SELECT FROM pg_dist_partition p
                        WHERE p.logicalrelid = f.confrelid AND (p.partmethod = 'h' OR p.repmodel = 't')))
            ORDER BY c.relname
            LIMIT 1
        LOOP
            PERFORM create_reference_table(target);
            placed := true;
        END LOOP;
        EXIT WHEN NOT placed;
    END LOOP;

    FOR target IN
        SELECT c.oid::regclass
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND NOT EXISTS (
              SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND (p.partmethod = 'h' OR p.repmodel = 't'))
          AND EXISTS (
              SELECT FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary AND a.attname = 'conversation_id')
        ORDER BY c.relname
    LOOP
        PERFORM create_distributed_table(target, 'conversation_id', colocate_with => 'fact_conversation');
    END LOOP;

    SELECT c.oid::regclass INTO target
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      AND NOT EXISTS (
          SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND (p.partmethod = 'h' OR p.repmodel = 't'))
    ORDER BY c.relname
    LIMIT 1;
    IF target IS NOT NULL THEN
        RAISE EXCEPTION 'table % could not be distributed: its foreign keys point at a table outside the schema', target;
    END IF;

    FOREACH statement IN ARRAY restore LOOP
        EXECUTE statement;
    END LOOP;
END
$distribute$;
