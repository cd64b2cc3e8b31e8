-- Each club a name may mean is given with its number of ties (resolve, and the candidates of an
-- ambiguous name). It was counted on every resolve through the ties' club indexes: a club of
-- 700 ties read 1,400 index entries, two thirds of a resolve on a database of a million legs.
-- The count is now kept as ties are written, by the triggers below, whatever writes them (an
-- import, a merge of two clubs or its undo, a source's removal, a review's decision): a club
-- with no ties has no row. An import that brings at least as many legs as are stored drops the
-- triggers for its transaction and counts every club afresh at its end (one pass over the ties
-- instead of two upserts a tie). `footballdb check --full` compares it with the ties.
CREATE TABLE club_tie_counts (
  club_id INTEGER PRIMARY KEY,
  ties INTEGER NOT NULL CHECK (ties >= 0)
) STRICT;
INSERT INTO club_tie_counts(club_id, ties)
SELECT club, count(*) FROM (SELECT club_a AS club FROM ties WHERE club_a IS NOT NULL
                            UNION ALL SELECT club_b FROM ties WHERE club_b IS NOT NULL)
GROUP BY club;
CREATE TRIGGER ties_count_insert AFTER INSERT ON ties BEGIN
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_a, 1 WHERE NEW.club_a IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_b, 1 WHERE NEW.club_b IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
END;
-- Each club by itself (club_id = OLD.club_a, then OLD.club_b), not IN (OLD.club_a, OLD.club_b):
-- SQLite builds an IN list as a temporary table, on every row the trigger runs for.
CREATE TRIGGER ties_count_delete AFTER DELETE ON ties BEGIN
  UPDATE club_tie_counts SET ties = ties - 1 WHERE club_id = OLD.club_a;
  UPDATE club_tie_counts SET ties = ties - 1 WHERE club_id = OLD.club_b;
  DELETE FROM club_tie_counts WHERE club_id = OLD.club_a AND ties = 0;
  DELETE FROM club_tie_counts WHERE club_id = OLD.club_b AND ties = 0;
END;
CREATE TRIGGER ties_count_update AFTER UPDATE OF club_a, club_b ON ties
WHEN OLD.club_a IS NOT NEW.club_a OR OLD.club_b IS NOT NEW.club_b BEGIN
  UPDATE club_tie_counts SET ties = ties - 1 WHERE club_id = OLD.club_a;
  UPDATE club_tie_counts SET ties = ties - 1 WHERE club_id = OLD.club_b;
  DELETE FROM club_tie_counts WHERE club_id = OLD.club_a AND ties = 0;
  DELETE FROM club_tie_counts WHERE club_id = OLD.club_b AND ties = 0;
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_a, 1 WHERE NEW.club_a IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_b, 1 WHERE NEW.club_b IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
END;
