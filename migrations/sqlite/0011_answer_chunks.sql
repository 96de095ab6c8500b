-- A wave's answers lie in chunks: a new answer joins one chunk, and only that chunk is written
-- again under new random ids, so each answer shares its write with the chunk's others (at least
-- max(32, 2k) once the wave has that many) at a cost that does not grow with the wave. The key
-- keeps a chunk's rows together, in the order of their random ids, so that writing a chunk again
-- touches its few pages only.
CREATE TABLE survey_answers_new (
    id        TEXT NOT NULL,
    wave_id   INTEGER NOT NULL REFERENCES waves(id),
    group_id  INTEGER,
    answers   TEXT NOT NULL,
    chunk     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (wave_id, chunk, id)
) WITHOUT ROWID;
INSERT INTO survey_answers_new (id, wave_id, group_id, answers) SELECT id, wave_id, group_id, answers FROM survey_answers;
DROP TABLE survey_answers;
ALTER TABLE survey_answers_new RENAME TO survey_answers;

-- How many answers each chunk holds: placing an answer reads these, not the wave's answers.
CREATE TABLE answer_chunks (
    wave_id  INTEGER NOT NULL REFERENCES waves(id),
    chunk    INTEGER NOT NULL,
    answers  INTEGER NOT NULL,
    PRIMARY KEY (wave_id, chunk)
);
INSERT INTO answer_chunks (wave_id, chunk, answers) SELECT wave_id, 0, COUNT(*) FROM survey_answers GROUP BY wave_id;
