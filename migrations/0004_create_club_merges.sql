-- Merges of one club into another, kept so that a review's decision can be undone: which rows the
-- merge could change (scope: the clubs, ties, legs, spellings and reviews involved, as JSON), and
-- those rows as they were before the merge and as the merge left them (JSON: table -> rows).
-- An undo puts `before` back only while the rows are still as `after` says.
CREATE TABLE club_merges (
  id INTEGER PRIMARY KEY,
  review_id INTEGER,       -- the name_reviews row whose accept made the merge (no cascade: an
                           -- undo deletes and restores that row)
  merged_club INTEGER NOT NULL,  -- the id the merged club had
  into_club INTEGER NOT NULL,
  scope TEXT NOT NULL CHECK (json_valid(scope)),
  before TEXT NOT NULL CHECK (json_valid(before)),
  after TEXT NOT NULL CHECK (json_valid(after)),
  merged_at TEXT NOT NULL CHECK (merged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  undone_at TEXT
) STRICT;
CREATE INDEX club_merges_by_review ON club_merges(review_id);
