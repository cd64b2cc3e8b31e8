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

-- Standings ranked by UEFA's group-stage criteria: clubs level on points are told apart by the
-- matches among them (points, goal difference, goals, away goals), then by all their group
-- matches (goal difference, goals, away goals, wins, away wins). A league phase (no groups)
-- has no head-to-head: goal difference comes first. Every column keeps its place.
DROP VIEW standings;
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
