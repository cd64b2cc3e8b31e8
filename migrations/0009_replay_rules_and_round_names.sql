-- Replays in the rules: how many a tie may have (0: no limit) and whether a replay that is
-- still level goes to extra time and then to penalties (the FA Cup from 1991-92: one replay,
-- settled on the day). Existing rows allow everything, as before.
ALTER TABLE competition_rules ADD COLUMN replay_limit INTEGER NOT NULL DEFAULT 0
  CHECK (replay_limit >= 0);
ALTER TABLE competition_rules ADD COLUMN replay_extra_time INTEGER NOT NULL DEFAULT 1
  CHECK (replay_extra_time IN (0, 1));
ALTER TABLE competition_rules ADD COLUMN replay_penalties INTEGER NOT NULL DEFAULT 1
  CHECK (replay_penalties IN (0, 1));

-- The words each source used for a round ("Achtelfinale", "1/8 Final", "s"), kept beside the
-- canonical name the round is stored under.
CREATE TABLE round_names (
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  PRIMARY KEY (round_id, source_id, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX round_names_by_source ON round_names(source_id);

CREATE VIEW round_names_stated AS
SELECT c.name AS competition,
       s.name AS season,
       r.name AS round,
       n.name AS stated,
       src.path AS source,
       r.id AS round_id,
       src.id AS source_id
FROM round_names n
JOIN rounds r ON r.id = n.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
JOIN sources src ON src.id = n.source_id;
