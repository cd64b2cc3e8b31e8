-- Imports were slow where the schema need not be: SQLite evaluates a CHECK constraint's IN
-- list of three or more values (legs.status IN ('played', ...), ties.decided_by IN (...)) by
-- building a temporary index of the list for every row written, which took a third of an
-- import's time. The same constraints are written as comparisons joined by OR (or, for NOT IN,
-- by AND): they allow and refuse exactly the same values, NULL included. legs, ties and
-- tie_claims are rebuilt row for row with their ids (the runner turns foreign keys off around
-- a migration and checks them after it), and the views over them are made again.
-- A season's ties are asked for by its name ("the ties of 1964-65", with a club or not):
-- seasons_by_name leads from the name to the seasons, their rounds and ties.
CREATE INDEX seasons_by_name ON seasons(name);

DROP VIEW tie_results;
DROP VIEW leg_results;
DROP VIEW standings;
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
INSERT INTO ties_new(id, round_id, number, club_a, club_b, coin_toss_winner, agg_a, agg_b, winner,
                     decided_by, extra_time, outcome_from, group_name)
  SELECT id, round_id, number, club_a, club_b, coin_toss_winner, agg_a, agg_b, winner, decided_by,
         extra_time, outcome_from, group_name FROM ties;
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
  decided_by TEXT CHECK ((decided_by = 'aggregate' OR decided_by = 'away_goals' OR
                          decided_by = 'penalties' OR decided_by = 'replay' OR
                          decided_by = 'coin_toss' OR decided_by = 'walkover' OR
                          decided_by = 'awarded' OR decided_by = 'normal_time' OR
                          decided_by = 'extra_time' OR decided_by = 'bye')),
  text TEXT NOT NULL DEFAULT '',
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NOT NULL OR agg_a IS NOT NULL OR decided_by IS NOT NULL)
) STRICT;
INSERT INTO tie_claims_new(id, tie_id, source_id, line, winner, agg_a, agg_b, decided_by, text)
  SELECT id, tie_id, source_id, line, winner, agg_a, agg_b, decided_by, text FROM tie_claims;
DROP TABLE tie_claims;
ALTER TABLE tie_claims_new RENAME TO tie_claims;
CREATE INDEX tie_claims_by_tie ON tie_claims(tie_id);
CREATE INDEX tie_claims_by_source ON tie_claims(source_id);

CREATE TABLE legs_new (
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
INSERT INTO legs_new(id, tie_id, number, replay, status, date, kickoff, home, away, neutral, venue,
                     ft_home, ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away,
                     awarded_to)
  SELECT id, tie_id, number, replay, status, date, kickoff, home, away, neutral, venue, ft_home,
         ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away, awarded_to FROM legs;
DROP TABLE legs;
ALTER TABLE legs_new RENAME TO legs;
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

