-- Deleting a row makes SQLite look, for each foreign key that refers to its table, for the rows
-- that still refer to it. Six columns that refer to clubs had no index, so each club deleted read
-- every tie, claim and leg: removing a source that brought 400 clubs into a database of a million
-- legs took five minutes; two that refer to sources were read whole for each source removed.
-- Every foreign key column now leads an index (a test checks it), partial where most rows hold
-- NULL: SQLite uses such an index for `col = ?`, which is what its foreign key check asks.
CREATE INDEX ties_by_winner ON ties(winner) WHERE winner IS NOT NULL;
CREATE INDEX ties_by_coin_toss_winner ON ties(coin_toss_winner) WHERE coin_toss_winner IS NOT NULL;
CREATE INDEX tie_claims_by_winner ON tie_claims(winner) WHERE winner IS NOT NULL;
CREATE INDEX legs_by_awarded_to ON legs(awarded_to) WHERE awarded_to IS NOT NULL;
CREATE INDEX name_reviews_by_decided_club ON name_reviews(decided_club) WHERE decided_club IS NOT NULL;
CREATE INDEX club_distinct_by_club_b ON club_distinct(club_b);
CREATE INDEX club_names_by_source ON club_names(source_id) WHERE source_id IS NOT NULL;
CREATE INDEX name_reviews_by_source ON name_reviews(source_id) WHERE source_id IS NOT NULL;
