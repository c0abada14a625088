-- Inserts the voice analytics rows (speaking rates and emotions) of the changed conversations.
INSERT INTO fact_voice_analytics (conversation_id, kind, ordinal, speaker, speaker_id, words, time_taken_ms,
    average, score, emotion, duration, proportion)
SELECT v.conversation_id, v.kind, v.ordinal, v.speaker, v.speaker_id, v.words, v.time_taken_ms, v.average,
    v.score, v.emotion, v.duration, v.proportion
FROM stg_voice v JOIN stg_changed c USING (conversation_id);
