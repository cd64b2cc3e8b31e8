-- The current schema: what migrating an empty database from zero gives (a test checks it).
-- Regenerate after adding a migration: tools/regen_schema.sh

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL CHECK (imported_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*')
, options TEXT CHECK (options IS NULL OR json_valid(options))) STRICT;
CREATE TABLE club_names (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key TEXT NOT NULL,
  fold_key TEXT NOT NULL,
  lang TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL, method TEXT NOT NULL DEFAULT 'import', line INTEGER CHECK (line >= 0),
  UNIQUE (club_id, name)
) STRICT;
CREATE INDEX club_names_by_name ON club_names(name);
CREATE INDEX club_names_by_name_key ON club_names(name_key);
CREATE INDEX club_names_by_fold_key ON club_names(fold_key);
CREATE TABLE competitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;
CREATE TABLE seasons (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name GLOB '[12][0-9][0-9][0-9]' OR name GLOB '[12][0-9][0-9][0-9]-[0-9][0-9]'),
  start_year INTEGER NOT NULL CHECK (start_year = CAST(substr(name, 1, 4) AS INTEGER)),
  UNIQUE (competition_id, name)
) STRICT;
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
  knockout INTEGER NOT NULL DEFAULT 1 CHECK (knockout IN (0, 1)),
  UNIQUE (season_id, name)
) STRICT;
CREATE TABLE leg_evidence (
  leg_id INTEGER NOT NULL REFERENCES legs(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0), facts INTEGER CHECK (facts IS NULL OR facts BETWEEN 0 AND 255), tie_line INTEGER NOT NULL DEFAULT 0 CHECK (tie_line IN (0, 1)),
  PRIMARY KEY (leg_id, source_id, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX leg_evidence_by_source ON leg_evidence(source_id);
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER REFERENCES ties(id) ON DELETE CASCADE,
  leg_id INTEGER REFERENCES legs(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  field TEXT NOT NULL,
  stored TEXT,
  claimed TEXT,
  CHECK (tie_id IS NOT NULL OR leg_id IS NOT NULL)
) STRICT;
CREATE INDEX conflicts_by_tie ON conflicts(tie_id);
CREATE INDEX conflicts_by_leg ON conflicts(leg_id);
CREATE INDEX conflicts_by_source ON conflicts(source_id);
CREATE TABLE club_distinct (
  club_a INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  club_b INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  PRIMARY KEY (club_a, club_b),
  CHECK (club_a < club_b)
) STRICT, WITHOUT ROWID;
CREATE TABLE exonyms (
  exonym TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;
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
CREATE TABLE club_countries (
  club_id INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  country TEXT NOT NULL CHECK (length(country) = 3 AND country = upper(country)),
  PRIMARY KEY (club_id, country)
) STRICT, WITHOUT ROWID;
CREATE TABLE club_name_keys (
  key TEXT NOT NULL,
  name_id INTEGER NOT NULL,
  PRIMARY KEY (key, name_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX club_name_keys_by_name ON club_name_keys(name_id);
CREATE TABLE club_name_latin (
  name_id INTEGER PRIMARY KEY,
  latin TEXT NOT NULL
) STRICT;
CREATE TABLE club_names_unkeyed (
  name_id INTEGER PRIMARY KEY
) STRICT;
CREATE TABLE club_name_keys_version (
  version INTEGER NOT NULL
) STRICT;
CREATE TRIGGER club_names_keys_insert AFTER INSERT ON club_names
BEGIN
  INSERT OR IGNORE INTO club_names_unkeyed(name_id) VALUES (NEW.id);
END;
CREATE TRIGGER club_names_keys_update AFTER UPDATE OF name, club_id ON club_names
BEGIN
  DELETE FROM club_name_keys WHERE name_id = NEW.id;
  DELETE FROM club_name_latin WHERE name_id = NEW.id;
  INSERT OR IGNORE INTO club_names_unkeyed(name_id) VALUES (NEW.id);
END;
CREATE TRIGGER club_names_keys_delete AFTER DELETE ON club_names
BEGIN
  DELETE FROM club_name_keys WHERE name_id = OLD.id;
  DELETE FROM club_name_latin WHERE name_id = OLD.id;
  DELETE FROM club_names_unkeyed WHERE name_id = OLD.id;
END;
CREATE TABLE "competition_rules" (
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  from_season_year INTEGER NOT NULL CHECK (from_season_year BETWEEN 1800 AND 2999),
  -- '' for every round, else the canonical name of the one round the row is for.
  round TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
  -- Matches a tie is played over: 2 (home and away legs) or 1 (one match).
  legs INTEGER NOT NULL DEFAULT 2 CHECK (legs IN (1, 2)),
  away_goals INTEGER NOT NULL CHECK (away_goals IN (0, 1)),
  away_goals_extra_time INTEGER NOT NULL CHECK (away_goals_extra_time IN (0, 1)),
  extra_time INTEGER NOT NULL CHECK (extra_time IN (0, 1)),
  penalties INTEGER NOT NULL CHECK (penalties IN (0, 1)),
  replays INTEGER NOT NULL CHECK (replays IN (0, 1)), replay_limit INTEGER NOT NULL DEFAULT 0
  CHECK (replay_limit >= 0), replay_extra_time INTEGER NOT NULL DEFAULT 1
  CHECK (replay_extra_time IN (0, 1)), replay_penalties INTEGER NOT NULL DEFAULT 1
  CHECK (replay_penalties IN (0, 1)),
  PRIMARY KEY (competition_id, from_season_year, round)
) STRICT;
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
CREATE INDEX seasons_by_name ON seasons(name);
CREATE TABLE "ties" (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  number INTEGER CHECK (number > 0),
  club_a INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  club_b INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  coin_toss_winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  agg_a INTEGER CHECK (agg_a >= 0),
  agg_b INTEGER CHECK (agg_b >= 0),
  winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  decided_by TEXT CHECK ((decided_by = 'aggregate' OR decided_by = 'away_goals' OR
                          decided_by = 'penalties' OR decided_by = 'replay' OR
                          decided_by = 'coin_toss' OR decided_by = 'walkover' OR
                          decided_by = 'awarded' OR decided_by = 'normal_time' OR
                          decided_by = 'extra_time' OR decided_by = 'bye')),
  extra_time INTEGER NOT NULL DEFAULT 0 CHECK (extra_time IN (0, 1)),
  -- 'legs': computed from the legs; 'claims': the legs decide nothing, the sources agree on it.
  outcome_from TEXT CHECK (outcome_from IN ('legs', 'claims')),
  -- A group match's pairing: its group ("A"); NULL in a knockout round.
  group_name TEXT CHECK (group_name IS NULL OR length(group_name) > 0),
  CHECK (club_a IS NOT NULL OR club_b IS NULL),
  CHECK (club_a IS NULL OR club_b IS NULL OR club_a <> club_b),
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NULL OR winner = club_a OR winner = club_b),
  CHECK (coin_toss_winner IS NULL OR coin_toss_winner = club_a OR coin_toss_winner = club_b),
  CHECK ((winner IS NULL) = (decided_by IS NULL))
) STRICT;
CREATE INDEX ties_by_round ON ties(round_id, number);
CREATE TABLE "tie_claims" (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  agg_a INTEGER CHECK (agg_a >= 0),
  agg_b INTEGER CHECK (agg_b >= 0),
  decided_by TEXT CHECK ((decided_by = 'aggregate' OR decided_by = 'away_goals' OR
                          decided_by = 'penalties' OR decided_by = 'replay' OR
                          decided_by = 'coin_toss' OR decided_by = 'walkover' OR
                          decided_by = 'awarded' OR decided_by = 'normal_time' OR
                          decided_by = 'extra_time' OR decided_by = 'bye')),
  text TEXT NOT NULL DEFAULT '',
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NOT NULL OR agg_a IS NOT NULL OR decided_by IS NOT NULL)
) STRICT;
CREATE INDEX tie_claims_by_tie ON tie_claims(tie_id);
CREATE INDEX tie_claims_by_source ON tie_claims(source_id);
CREATE TABLE "legs" (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  replay INTEGER NOT NULL DEFAULT 0 CHECK (replay IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'played'
    CHECK ((status = 'played' OR status = 'scheduled' OR status = 'awarded' OR status = 'walkover' OR
            status = 'annulled' OR status = 'cancelled')),
  date TEXT CHECK (date IS NULL OR (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                                    AND date(date, '+0 days') = date)),
  kickoff TEXT CHECK (kickoff IS NULL OR (kickoff GLOB '[0-2][0-9]:[0-5][0-9]'
                                          AND CAST(substr(kickoff, 1, 2) AS INTEGER) < 24)),
  home INTEGER NOT NULL REFERENCES clubs(id) ON DELETE RESTRICT,
  away INTEGER NOT NULL REFERENCES clubs(id) ON DELETE RESTRICT,
  neutral INTEGER NOT NULL DEFAULT 0 CHECK (neutral IN (0, 1)),
  venue TEXT,
  ft_home INTEGER CHECK (ft_home BETWEEN 0 AND 99),
  ft_away INTEGER CHECK (ft_away BETWEEN 0 AND 99),
  ht_home INTEGER CHECK (ht_home BETWEEN 0 AND 99),
  ht_away INTEGER CHECK (ht_away BETWEEN 0 AND 99),
  et_home INTEGER CHECK (et_home BETWEEN 0 AND 99),
  et_away INTEGER CHECK (et_away BETWEEN 0 AND 99),
  pen_home INTEGER CHECK (pen_home BETWEEN 0 AND 99),
  pen_away INTEGER CHECK (pen_away BETWEEN 0 AND 99),
  awarded_to INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  CHECK (home <> away),
  CHECK ((ft_home IS NULL) = (ft_away IS NULL)),
  CHECK ((ht_home IS NULL) = (ht_away IS NULL)),
  CHECK ((et_home IS NULL) = (et_away IS NULL)),
  CHECK ((pen_home IS NULL) = (pen_away IS NULL)),
  CHECK (ht_home IS NULL OR ft_home IS NULL OR (ht_home <= ft_home AND ht_away <= ft_away)),
  -- Sources may give only the score after extra time ("2:1 aet").
  CHECK (et_home IS NULL OR ft_home IS NULL OR (et_home >= ft_home AND et_away >= ft_away)),
  CHECK (pen_home IS NULL OR pen_home <> pen_away),
  CHECK ((status <> 'scheduled' AND status <> 'walkover' AND status <> 'cancelled')
         OR (ft_home IS NULL AND et_home IS NULL AND pen_home IS NULL)),
  CHECK (status <> 'walkover' OR awarded_to IN (home, away)),
  CHECK (status = 'walkover' OR awarded_to IS NULL),
  UNIQUE (tie_id, number)
) STRICT;
CREATE INDEX legs_by_date ON legs(date);
CREATE INDEX legs_by_home ON legs(home, date);
CREATE INDEX legs_by_away ON legs(away, date);
CREATE VIEW standings AS
WITH games AS (
  SELECT r.id AS round_id, t.group_name, s.start_year, c.name AS competition, s.name AS season,
         r.name AS round, l.home AS club, l.away AS opponent, 0 AS away,
         coalesce(l.et_home, l.ft_home) AS scored, coalesce(l.et_away, l.ft_away) AS conceded
  FROM legs l JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id
  JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id
  WHERE r.knockout = 0 AND l.status IN ('played', 'awarded') AND l.ft_home IS NOT NULL
  UNION ALL
  SELECT r.id, t.group_name, s.start_year, c.name, s.name, r.name, l.away, l.home, 1,
         coalesce(l.et_away, l.ft_away), coalesce(l.et_home, l.ft_home)
  FROM legs l JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id
  JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id
  WHERE r.knockout = 0 AND l.status IN ('played', 'awarded') AND l.ft_home IS NOT NULL
),
points AS (
  SELECT *, CASE WHEN scored > conceded THEN CASE WHEN start_year >= 1995 THEN 3 ELSE 2 END
                 WHEN scored = conceded THEN 1 ELSE 0 END AS won_points
  FROM games
),
tables AS (
  SELECT competition, season, round, group_name, club, count(*) AS played,
         sum(scored > conceded) AS won, sum(scored = conceded) AS drawn,
         sum(scored < conceded) AS lost, sum(scored) AS goals_for, sum(conceded) AS goals_against,
         sum(scored) - sum(conceded) AS goal_difference, sum(won_points) AS points,
         sum(scored * away) AS away_goals, sum((scored > conceded) * away) AS away_wins,
         round_id
  FROM points GROUP BY round_id, group_name, club
),
-- Each club's record in its group's matches against the clubs level with it on points.
head_to_head AS (
  SELECT p.round_id, p.group_name, p.club, sum(p.won_points) AS points,
         sum(p.scored) - sum(p.conceded) AS goal_difference, sum(p.scored) AS goals,
         sum(p.scored * p.away) AS away_goals
  FROM points p
  JOIN tables a ON a.round_id = p.round_id AND a.group_name IS p.group_name AND a.club = p.club
  JOIN tables b ON b.round_id = p.round_id AND b.group_name IS p.group_name
               AND b.club = p.opponent AND b.points = a.points
  WHERE p.group_name IS NOT NULL
  GROUP BY p.round_id, p.group_name, p.club
)
SELECT t.competition, t.season, t.round, t.group_name AS "group",
       row_number() OVER (PARTITION BY t.round_id, t.group_name
                          ORDER BY t.points DESC, coalesce(h.points, 0) DESC,
                                   coalesce(h.goal_difference, 0) DESC, coalesce(h.goals, 0) DESC,
                                   coalesce(h.away_goals, 0) DESC, t.goal_difference DESC,
                                   t.goals_for DESC, t.away_goals DESC, t.won DESC,
                                   t.away_wins DESC, cl.name) AS position,
       cl.name AS club, t.club AS club_id, t.played, t.won, t.drawn, t.lost, t.goals_for,
       t.goals_against, t.goal_difference, t.points
FROM tables t JOIN clubs cl ON cl.id = t.club
LEFT JOIN head_to_head h ON h.round_id = t.round_id AND h.group_name IS t.group_name
                        AND h.club = t.club;
CREATE VIEW tie_results AS
SELECT t.id AS tie_id,
       c.name AS competition,
       s.name AS season,
       r.name AS round,
       ca.name AS club_a,
       cb.name AS club_b,
       t.agg_a,
       t.agg_b,
       w.name AS winner,
       t.decided_by,
       t.extra_time,
       (SELECT min(l.date) FROM legs l WHERE l.tie_id = t.id
                                            AND l.status NOT IN ('annulled', 'cancelled'))
         AS first_leg_date,
       (SELECT max(l.date) FROM legs l WHERE l.tie_id = t.id
                                            AND l.status NOT IN ('annulled', 'cancelled'))
         AS last_leg_date,
       t.number AS tie_number,
       r.ordinal AS round_order,
       t.outcome_from,
       t.group_name AS "group",
       t.club_a AS club_a_id,
       t.club_b AS club_b_id,
       t.winner AS winner_id
FROM ties t
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
LEFT JOIN clubs ca ON ca.id = t.club_a
LEFT JOIN clubs cb ON cb.id = t.club_b
LEFT JOIN clubs w ON w.id = t.winner
WHERE r.knockout = 1;
CREATE VIEW leg_results AS
SELECT l.id AS leg_id,
       l.tie_id,
       c.name AS competition,
       s.name AS season,
       r.name AS round,
       l.number AS leg_number,
       l.date,
       l.kickoff,
       h.name AS home,
       a.name AS away,
       coalesce(l.et_home, l.ft_home) AS home_goals,
       coalesce(l.et_away, l.ft_away) AS away_goals,
       l.ht_home,
       l.ht_away,
       l.ft_home,
       l.ft_away,
       l.pen_home,
       l.pen_away,
       l.et_home,
       l.et_away,
       l.status,
       l.replay,
       l.venue,
       l.home AS home_id,
       l.away AS away_id
FROM legs l
JOIN ties t ON t.id = l.tie_id
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
JOIN clubs h ON h.id = l.home
JOIN clubs a ON a.id = l.away;
CREATE TABLE tie_lines (
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  PRIMARY KEY (tie_id, source_id, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX tie_lines_by_source ON tie_lines(source_id);
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
CREATE INDEX ties_by_winner ON ties(winner) WHERE winner IS NOT NULL;
CREATE INDEX ties_by_coin_toss_winner ON ties(coin_toss_winner) WHERE coin_toss_winner IS NOT NULL;
CREATE INDEX tie_claims_by_winner ON tie_claims(winner) WHERE winner IS NOT NULL;
CREATE INDEX legs_by_awarded_to ON legs(awarded_to) WHERE awarded_to IS NOT NULL;
CREATE INDEX club_distinct_by_club_b ON club_distinct(club_b);
CREATE INDEX club_names_by_source ON club_names(source_id) WHERE source_id IS NOT NULL;
CREATE INDEX ties_by_club_a ON ties(club_a, round_id, club_b);
CREATE INDEX ties_by_club_b ON ties(club_b, round_id, club_a);
CREATE TABLE club_tie_counts (
  club_id INTEGER PRIMARY KEY,
  ties INTEGER NOT NULL CHECK (ties >= 0)
) STRICT;
CREATE TRIGGER ties_count_insert AFTER INSERT ON ties BEGIN
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_a, 1 WHERE NEW.club_a IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
  INSERT INTO club_tie_counts(club_id, ties) SELECT NEW.club_b, 1 WHERE NEW.club_b IS NOT NULL
  ON CONFLICT (club_id) DO UPDATE SET ties = ties + 1;
END;
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
CREATE TABLE "clubs" (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  country TEXT,
  city TEXT,
  origin TEXT NOT NULL DEFAULT 'import'
    CHECK (origin = 'registry' OR origin = 'import' OR origin = 'user')
) STRICT;
CREATE TRIGGER clubs_keys_update AFTER UPDATE OF name, country, city ON clubs
BEGIN
  DELETE FROM club_name_keys WHERE name_id IN (SELECT id FROM club_names WHERE club_id = NEW.id);
  INSERT OR IGNORE INTO club_names_unkeyed(name_id)
    SELECT id FROM club_names WHERE club_id = NEW.id;
END;
CREATE TABLE "name_reviews" (
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
CREATE INDEX name_reviews_by_status ON name_reviews(status);
CREATE INDEX name_reviews_by_club ON name_reviews(club_id);
CREATE INDEX name_reviews_open_by_name ON name_reviews(name) WHERE status = 'open';
CREATE INDEX name_reviews_by_decided_club ON name_reviews(decided_club)
  WHERE decided_club IS NOT NULL;
CREATE INDEX name_reviews_by_source ON name_reviews(source_id) WHERE source_id IS NOT NULL;
