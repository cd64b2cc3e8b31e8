-- footballdb's views (schema/schema.sql) for PostgreSQL: what `footballdb export --format
-- postgres` writes after the tables, in this order, each view the database has. Each is one
-- "CREATE VIEW name (columns) AS ... ;" with the columns SQLite's view has, in its order: a test
-- (tests/export/postgres_export_test.cpp) fails when the views of schema/schema.sql and these
-- differ in names or columns, and tests/export/postgres_check.sh compares their rows in a real
-- server. Keep each to built-in SQL that means the same in both: where SQLite's reads
-- otherwise in PostgreSQL, say so beside it.

CREATE VIEW round_names_stated (competition, season, round, stated, source, round_id,
                                source_id) AS
SELECT c.name, s.name, r.name, n.name, src.path, r.id, src.id
FROM round_names n
JOIN rounds r ON r.id = n.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
JOIN sources src ON src.id = n.source_id;

CREATE VIEW tie_evidence (tie_id, source_id, line) AS
SELECT t.tie_id, t.source_id, t.line FROM tie_lines t
WHERE NOT EXISTS (SELECT 1 FROM legs l JOIN leg_evidence e ON e.leg_id = l.id
                  WHERE l.tie_id = t.tie_id AND e.source_id = t.source_id AND e.line = t.line
                    AND e.tie_line = 1)
UNION ALL
SELECT l.tie_id, e.source_id, e.line FROM leg_evidence e JOIN legs l ON l.id = e.leg_id
WHERE e.tie_line = 1
  AND NOT EXISTS (SELECT 1 FROM legs k JOIN leg_evidence f ON f.leg_id = k.id
                  WHERE k.tie_id = l.tie_id AND k.number < l.number AND f.source_id = e.source_id
                    AND f.line = e.line AND f.tie_line = 1);

-- PostgreSQL sums no booleans (count(*) FILTER instead), wants every grouped column named
-- (competition, season and round follow from round_id), compares NULL groups with IS NOT
-- DISTINCT FROM (SQLite's IS), sums bigints as numeric (cast back), and orders names by the
-- database's collation unless told to compare bytes as SQLite does (COLLATE "C").
CREATE VIEW standings (competition, season, round, "group", position, club, club_id, played,
                       won, drawn, lost, goals_for, goals_against, goal_difference, points) AS
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
         count(*) FILTER (WHERE scored > conceded) AS won,
         count(*) FILTER (WHERE scored = conceded) AS drawn,
         count(*) FILTER (WHERE scored < conceded) AS lost, sum(scored)::bigint AS goals_for,
         sum(conceded)::bigint AS goals_against,
         (sum(scored) - sum(conceded))::bigint AS goal_difference,
         sum(won_points)::bigint AS points, sum(scored * away)::bigint AS away_goals,
         count(*) FILTER (WHERE scored > conceded AND away = 1) AS away_wins, round_id
  FROM points GROUP BY round_id, group_name, club, competition, season, round
),
-- Each club's record in its group's matches against the clubs level with it on points.
head_to_head AS (
  SELECT p.round_id, p.group_name, p.club, sum(p.won_points) AS points,
         sum(p.scored) - sum(p.conceded) AS goal_difference, sum(p.scored) AS goals,
         sum(p.scored * p.away) AS away_goals
  FROM points p
  JOIN tables a ON a.round_id = p.round_id AND a.group_name IS NOT DISTINCT FROM p.group_name
               AND a.club = p.club
  JOIN tables b ON b.round_id = p.round_id AND b.group_name IS NOT DISTINCT FROM p.group_name
               AND b.club = p.opponent AND b.points = a.points
  WHERE p.group_name IS NOT NULL
  GROUP BY p.round_id, p.group_name, p.club
)
SELECT t.competition, t.season, t.round, t.group_name,
       row_number() OVER (PARTITION BY t.round_id, t.group_name
                          ORDER BY t.points DESC, coalesce(h.points, 0) DESC,
                                   coalesce(h.goal_difference, 0) DESC, coalesce(h.goals, 0) DESC,
                                   coalesce(h.away_goals, 0) DESC, t.goal_difference DESC,
                                   t.goals_for DESC, t.away_goals DESC, t.won DESC,
                                   t.away_wins DESC, cl.name COLLATE "C"),
       cl.name, t.club, t.played, t.won, t.drawn, t.lost, t.goals_for,
       t.goals_against, t.goal_difference, t.points
FROM tables t JOIN clubs cl ON cl.id = t.club
LEFT JOIN head_to_head h ON h.round_id = t.round_id
                        AND h.group_name IS NOT DISTINCT FROM t.group_name AND h.club = t.club;

CREATE VIEW tie_results (tie_id, competition, season, round, club_a, club_b, agg_a, agg_b,
                         winner, decided_by, extra_time, first_leg_date, last_leg_date,
                         tie_number, round_order, outcome_from, "group", club_a_id, club_b_id,
                         winner_id) AS
SELECT t.id, c.name, s.name, r.name, ca.name, cb.name, t.agg_a, t.agg_b, w.name, t.decided_by,
       t.extra_time,
       (SELECT min(l.date) FROM legs l WHERE l.tie_id = t.id
                                            AND l.status NOT IN ('annulled', 'cancelled')),
       (SELECT max(l.date) FROM legs l WHERE l.tie_id = t.id
                                            AND l.status NOT IN ('annulled', 'cancelled')),
       t.number, r.ordinal, t.outcome_from, t.group_name, t.club_a, t.club_b, t.winner
FROM ties t
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
LEFT JOIN clubs ca ON ca.id = t.club_a
LEFT JOIN clubs cb ON cb.id = t.club_b
LEFT JOIN clubs w ON w.id = t.winner
WHERE r.knockout = 1;

CREATE VIEW leg_results (leg_id, tie_id, competition, season, round, leg_number, date, kickoff,
                         home, away, home_goals, away_goals, ht_home, ht_away, ft_home, ft_away,
                         pen_home, pen_away, et_home, et_away, status, replay, venue, home_id,
                         away_id) AS
SELECT l.id, l.tie_id, c.name, s.name, r.name, l.number, l.date, l.kickoff, h.name, a.name,
       coalesce(l.et_home, l.ft_home), coalesce(l.et_away, l.ft_away), l.ht_home, l.ht_away,
       l.ft_home, l.ft_away, l.pen_home, l.pen_away, l.et_home, l.et_away, l.status, l.replay,
       l.venue, l.home, l.away
FROM legs l
JOIN ties t ON t.id = l.tie_id
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
JOIN clubs h ON h.id = l.home
JOIN clubs a ON a.id = l.away;
