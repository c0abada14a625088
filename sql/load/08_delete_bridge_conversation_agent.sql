-- Deletes the bridge_conversation_agent rows of the changed conversations that were already loaded, before
-- their rows are inserted again (the deletes of every child table run before the inserts).
DELETE FROM bridge_conversation_agent t USING stg_changed c WHERE t.conversation_id = c.conversation_id AND NOT c.is_new;
