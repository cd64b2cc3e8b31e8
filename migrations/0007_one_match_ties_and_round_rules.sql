-- One-match ties say how their match was decided: decided_by gains 'normal_time' and
-- 'extra_time' (a two-legged tie keeps 'aggregate'), and 'bye' for a club through without one. Competition rules gain the number of legs
-- and may hold a row for one round ("the final is one match"). SQLite cannot change a CHECK
-- constraint or a primary key in place: the tables are rebuilt (the runner turns foreign keys
-- off around a migration and checks them after it), and the views over them made again.
DROP VIEW tie_results;
DROP VIEW leg_results;

CREATE TABLE ties_new (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  number INTEGER CHECK (number > 0),
  club_a INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  club_b INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  coin_toss_winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  agg_a INTEGER CHECK (agg_a >= 0),
  agg_b INTEGER CHECK (agg_b >= 0),
  winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  decided_by TEXT CHECK (decided_by IN ('aggregate', 'away_goals', 'penalties', 'replay',
                                        'coin_toss', 'walkover', 'awarded', 'normal_time',
                                        'extra_time', 'bye')),
  extra_time INTEGER NOT NULL DEFAULT 0 CHECK (extra_time IN (0, 1)),
  -- 'legs': computed from the legs; 'claims': the legs decide nothing, the sources agree on it.
  outcome_from TEXT CHECK (outcome_from IN ('legs', 'claims')),
  CHECK (club_a IS NOT NULL OR club_b IS NULL),
  CHECK (club_a IS NULL OR club_b IS NULL OR club_a <> club_b),
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NULL OR winner = club_a OR winner = club_b),
  CHECK (coin_toss_winner IS NULL OR coin_toss_winner = club_a OR coin_toss_winner = club_b),
  CHECK ((winner IS NULL) = (decided_by IS NULL))
) STRICT;
INSERT INTO ties_new SELECT * FROM ties;
DROP TABLE ties;
ALTER TABLE ties_new RENAME TO ties;
CREATE INDEX ties_by_round ON ties(round_id, number);
CREATE INDEX ties_by_club_a ON ties(club_a, round_id);
CREATE INDEX ties_by_club_b ON ties(club_b, round_id);

CREATE TABLE tie_claims_new (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  agg_a INTEGER CHECK (agg_a >= 0),
  agg_b INTEGER CHECK (agg_b >= 0),
  decided_by TEXT CHECK (decided_by IN ('aggregate', 'away_goals', 'penalties', 'replay',
                                        'coin_toss', 'walkover', 'awarded', 'normal_time',
                                        'extra_time', 'bye')),
  text TEXT NOT NULL DEFAULT '',
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NOT NULL OR agg_a IS NOT NULL OR decided_by IS NOT NULL)
) STRICT;
INSERT INTO tie_claims_new SELECT * FROM tie_claims;
DROP TABLE tie_claims;
ALTER TABLE tie_claims_new RENAME TO tie_claims;
CREATE INDEX tie_claims_by_tie ON tie_claims(tie_id);
CREATE INDEX tie_claims_by_source ON tie_claims(source_id);

CREATE TABLE competition_rules_new (
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
  replays INTEGER NOT NULL CHECK (replays IN (0, 1)),
  PRIMARY KEY (competition_id, from_season_year, round)
) STRICT;
INSERT INTO competition_rules_new(competition_id, from_season_year, away_goals,
                                  away_goals_extra_time, extra_time, penalties, replays)
  SELECT competition_id, from_season_year, away_goals, away_goals_extra_time, extra_time,
         penalties, replays FROM competition_rules;
DROP TABLE competition_rules;
ALTER TABLE competition_rules_new RENAME TO competition_rules;

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
       t.outcome_from
FROM ties t
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
LEFT JOIN clubs ca ON ca.id = t.club_a
LEFT JOIN clubs cb ON cb.id = t.club_b
LEFT JOIN clubs w ON w.id = t.winner;

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
       l.venue
FROM legs l
JOIN ties t ON t.id = l.tie_id
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
JOIN clubs h ON h.id = l.home
JOIN clubs a ON a.id = l.away;
