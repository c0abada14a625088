-- Deletes the fact_conversation_intent rows of the changed conversations that were already loaded, before
-- their rows are inserted again (the deletes of every child table run before the inserts).
DELETE FROM fact_conversation_intent t USING stg_changed c WHERE t.conversation_id = c.conversation_id AND NOT c.is_new;
