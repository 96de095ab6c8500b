-- A wave's answers lie in chunks: a new answer joins one chunk, and only that chunk is written
-- again under new random ids, so each answer shares its write with the chunk's others (at least
-- max(32, 2k) once the wave has that many) at a cost that does not grow with the wave. The key
-- keeps a chunk's rows together, in the order of their random ids, so that writing a chunk again
-- touches its few pages only.
ALTER TABLE survey_answers ADD COLUMN chunk BIGINT NOT NULL DEFAULT 0;
ALTER TABLE survey_answers DROP CONSTRAINT survey_answers_pkey;
ALTER TABLE survey_answers ADD PRIMARY KEY (wave_id, chunk, id);
DROP INDEX survey_answers_wave;

-- How many answers each chunk holds: placing an answer reads these, not the wave's answers.
CREATE TABLE answer_chunks (
    wave_id  BIGINT NOT NULL REFERENCES waves(id),
    chunk    BIGINT NOT NULL,
    answers  BIGINT NOT NULL,
    PRIMARY KEY (wave_id, chunk)
);
INSERT INTO answer_chunks (wave_id, chunk, answers) SELECT wave_id, 0, COUNT(*) FROM survey_answers GROUP BY wave_id;
