-- A tie's evidence was stored twice over: nearly every line that gave a leg had a leg_evidence
-- row and a tie_evidence row with the same source and line (two B-tree entries more per leg,
-- and 28 MB of a 300 MB database of a million legs). Such a line is now one leg_evidence row
-- marked tie_line = 1 (the line states the tie too); tie_lines keeps the tie's other lines (a
-- pairing table's row, an aggregate summary, a leg a source gave in conflict with the stored one,
-- an interchange file's tie element). tie_evidence becomes a view of both, with exactly the rows
-- the table had: users' SQL reads it as before.
ALTER TABLE leg_evidence ADD COLUMN tie_line INTEGER NOT NULL DEFAULT 0 CHECK (tie_line IN (0, 1));
UPDATE leg_evidence SET tie_line = 1
WHERE EXISTS (SELECT 1 FROM legs l JOIN tie_evidence t ON t.tie_id = l.tie_id
              WHERE l.id = leg_evidence.leg_id AND t.source_id = leg_evidence.source_id
                AND t.line = leg_evidence.line);
CREATE TABLE tie_lines (
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  PRIMARY KEY (tie_id, source_id, line)
) STRICT, WITHOUT ROWID;
INSERT INTO tie_lines(tie_id, source_id, line)
SELECT t.tie_id, t.source_id, t.line FROM tie_evidence t
WHERE NOT EXISTS (SELECT 1 FROM legs l JOIN leg_evidence e ON e.leg_id = l.id
                  WHERE l.tie_id = t.tie_id AND e.source_id = t.source_id AND e.line = t.line);
DROP TABLE tie_evidence;
CREATE INDEX tie_lines_by_source ON tie_lines(source_id);
-- The view's two parts never give the same row (a tie's own line that a marked leg line gives
-- too is left out, as are the later legs that one line gives), so that it is a UNION ALL:
-- SQLite then reads it through the indexes, for a tie, for a source and in a join.
CREATE VIEW tie_evidence(tie_id, source_id, line) AS
SELECT t.tie_id, t.source_id, t.line FROM tie_lines t
WHERE NOT EXISTS (SELECT 1 FROM legs l JOIN leg_evidence e ON e.leg_id = l.id
                  WHERE l.tie_id = t.tie_id AND e.source_id = t.source_id AND e.line = t.line
                    AND e.tie_line = 1)
UNION ALL
SELECT l.tie_id, e.source_id, e.line FROM leg_evidence e JOIN legs l ON l.id = e.leg_id
WHERE e.tie_line = 1
  AND NOT EXISTS (SELECT 1 FROM legs k JOIN leg_evidence f ON f.leg_id = k.id
                  WHERE k.tie_id = l.tie_id AND k.number < l.number AND f.source_id = e.source_id
                    AND f.line = e.line AND f.tie_line = 1);
