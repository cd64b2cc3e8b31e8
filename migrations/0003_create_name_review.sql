-- Club-name decisions: how each spelling was bound to its club, clubs known to be distinct,
-- city exonyms, and the queue of names awaiting a person's review.

-- How a spelling came to name its club: 'registry', 'import' (a new club's own name), 'user',
-- 'review', or the matcher layer that bound it ('normalized', 'tokens', 'tie', ...), and the
-- source line it was first seen on.
ALTER TABLE club_names ADD COLUMN method TEXT NOT NULL DEFAULT 'import';
ALTER TABLE club_names ADD COLUMN line INTEGER CHECK (line >= 0);

-- Clubs whose names are alike but that are different clubs: never matched to each other.
CREATE TABLE club_distinct (
  club_a INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  club_b INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  PRIMARY KEY (club_a, club_b),
  CHECK (club_a < club_b)
) STRICT, WITHOUT ROWID;

-- German (and other) names of cities: "Posen" = "Poznań".
CREATE TABLE exonyms (
  exonym TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- A name an import could not bind to one known club. The import gave it a club of its own
-- (club_id) so that no fact is lost; a review accepts a candidate (the two clubs are merged),
-- confirms the new club, or rejects the name.
CREATE TABLE name_reviews (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('unknown', 'ambiguous')),
  club_id INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
  candidates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  line INTEGER CHECK (line >= 0),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'created', 'rejected')),
  decided_club INTEGER REFERENCES clubs(id) ON DELETE SET NULL,
  decided_at TEXT
) STRICT;
CREATE INDEX name_reviews_by_status ON name_reviews(status);
CREATE INDEX name_reviews_by_club ON name_reviews(club_id);
