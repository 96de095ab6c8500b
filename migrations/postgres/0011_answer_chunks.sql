-- A wave's answers lie in chunks: a new answer joins one chunk, and only that chunk is written
-- again under new random ids, so each answer shares its write with the chunk's others (at least
-- max(32, 2k) once the wave has that many) at a cost that does not grow with the wave.
ALTER TABLE survey_answers ADD COLUMN chunk BIGINT NOT NULL DEFAULT 0;
DROP INDEX survey_answers_wave;
CREATE INDEX survey_answers_chunk ON survey_answers(wave_id, chunk);
