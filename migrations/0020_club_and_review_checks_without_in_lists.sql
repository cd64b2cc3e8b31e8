-- Migration 0014 rewrote the CHECK constraints of legs, ties and tie_claims that held an IN list
-- of three or more values, which SQLite builds as a temporary index for every row written. Two
-- were left: clubs.origin and name_reviews.status, written once for every new club and every
-- name an import sends to review (an import of 50,000 new names built 100,000 of them). They are
-- written as comparisons joined by OR: they allow and refuse exactly the same values. Both
-- tables are rebuilt row for row with their ids (the runner turns foreign keys off around a
-- migration and checks them after it), with their trigger and indexes. legacy_alter_table keeps
-- the renames from re-reading the views, which name the tables and read the new ones as they
-- read the old.
PRAGMA legacy_alter_table = ON;

CREATE TABLE clubs_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  country TEXT,
  city TEXT,
  origin TEXT NOT NULL DEFAULT 'import'
    CHECK (origin = 'registry' OR origin = 'import' OR origin = 'user')
) STRICT;
INSERT INTO clubs_new(id, name, country, city, origin)
  SELECT id, name, country, city, origin FROM clubs;
DROP TABLE clubs;
ALTER TABLE clubs_new RENAME TO clubs;
CREATE TRIGGER clubs_keys_update AFTER UPDATE OF name, country, city ON clubs
BEGIN
  DELETE FROM club_name_keys WHERE name_id IN (SELECT id FROM club_names WHERE club_id = NEW.id);
  INSERT OR IGNORE INTO club_names_unkeyed(name_id)
    SELECT id FROM club_names WHERE club_id = NEW.id;
END;

CREATE TABLE name_reviews_new (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('unknown', 'ambiguous')),
  club_id INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
  candidates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  line INTEGER CHECK (line >= 0),
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status = 'open' OR status = 'accepted' OR status = 'created' OR status = 'rejected'),
  decided_club INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
  decided_at TEXT
) STRICT;
INSERT INTO name_reviews_new(id, name, reason, club_id, candidates, source_id, line, status,
                             decided_club, decided_at)
  SELECT id, name, reason, club_id, candidates, source_id, line, status, decided_club, decided_at
  FROM name_reviews;
DROP TABLE name_reviews;
ALTER TABLE name_reviews_new RENAME TO name_reviews;
CREATE INDEX name_reviews_by_status ON name_reviews(status);
CREATE INDEX name_reviews_by_club ON name_reviews(club_id);
CREATE INDEX name_reviews_open_by_name ON name_reviews(name) WHERE status = 'open';
CREATE INDEX name_reviews_by_decided_club ON name_reviews(decided_club)
  WHERE decided_club IS NOT NULL;
CREATE INDEX name_reviews_by_source ON name_reviews(source_id) WHERE source_id IS NOT NULL;

PRAGMA legacy_alter_table = OFF;
