-- The tie_evidence view of 0015 asks, for each of a tie's own lines, whether a leg of the tie
-- gives that line too. SQLite answered that from leg_evidence_by_source: it read every line of the
-- source (a million for a source of a million legs) for each tie line, so that a tie read from
-- an interchange file or beside an aggregate summary took half a second. The view is the same
-- but for its two inner joins, now CROSS JOINs, which SQLite reads in the order written: the
-- tie's legs first, then each leg's evidence by its key.
DROP VIEW tie_evidence;
CREATE VIEW tie_evidence(tie_id, source_id, line) AS
SELECT t.tie_id, t.source_id, t.line FROM tie_lines t
WHERE NOT EXISTS (SELECT 1 FROM legs l CROSS JOIN leg_evidence e ON e.leg_id = l.id
                  WHERE l.tie_id = t.tie_id AND e.source_id = t.source_id AND e.line = t.line
                    AND e.tie_line = 1)
UNION ALL
SELECT l.tie_id, e.source_id, e.line FROM leg_evidence e JOIN legs l ON l.id = e.leg_id
WHERE e.tie_line = 1
  AND NOT EXISTS (SELECT 1 FROM legs k CROSS JOIN leg_evidence f ON f.leg_id = k.id
                  WHERE k.tie_id = l.tie_id AND k.number < l.number AND f.source_id = e.source_id
                    AND f.line = e.line AND f.tie_line = 1);
