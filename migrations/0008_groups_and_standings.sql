-- Group stages are groups: a group match's pairing belongs to its group (ties.group_name, "A",
-- read from the source's round name), tie_results lists knockout ties only (it gains the
-- group column, NULL there, so that every column keeps its place), and standings gives each
-- group's table.
ALTER TABLE ties ADD COLUMN group_name TEXT CHECK (group_name IS NULL OR length(group_name) > 0);

DROP VIEW tie_results;
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
       t.group_name AS "group"
FROM ties t
JOIN rounds r ON r.id = t.round_id
JOIN seasons s ON s.id = r.season_id
JOIN competitions c ON c.id = s.competition_id
LEFT JOIN clubs ca ON ca.id = t.club_a
LEFT JOIN clubs cb ON cb.id = t.club_b
LEFT JOIN clubs w ON w.id = t.winner
WHERE r.knockout = 1;

-- One row per club and group: played, won, drawn, lost, goals, points (3 for a win from
-- 1995-96, UEFA's switch, 2 before) and its position by points, goal difference, goals scored
-- (the head-to-head criteria of later rules are not applied).
CREATE VIEW standings AS
WITH games AS (
  SELECT r.id AS round_id, t.group_name, s.start_year, c.name AS competition, s.name AS season,
         r.name AS round, l.home AS club, coalesce(l.et_home, l.ft_home) AS scored,
         coalesce(l.et_away, l.ft_away) AS conceded
  FROM legs l JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id
  JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id
  WHERE r.knockout = 0 AND l.status IN ('played', 'awarded') AND l.ft_home IS NOT NULL
  UNION ALL
  SELECT r.id, t.group_name, s.start_year, c.name, s.name, r.name, l.away,
         coalesce(l.et_away, l.ft_away), coalesce(l.et_home, l.ft_home)
  FROM legs l JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id
  JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id
  WHERE r.knockout = 0 AND l.status IN ('played', 'awarded') AND l.ft_home IS NOT NULL
),
tables AS (
  SELECT competition, season, round, group_name, club, count(*) AS played,
         sum(scored > conceded) AS won, sum(scored = conceded) AS drawn,
         sum(scored < conceded) AS lost, sum(scored) AS goals_for, sum(conceded) AS goals_against,
         sum(scored) - sum(conceded) AS goal_difference,
         sum(CASE WHEN scored > conceded THEN CASE WHEN start_year >= 1995 THEN 3 ELSE 2 END
                  WHEN scored = conceded THEN 1 ELSE 0 END) AS points,
         round_id
  FROM games GROUP BY round_id, group_name, club
)
SELECT t.competition, t.season, t.round, t.group_name AS "group",
       row_number() OVER (PARTITION BY t.round_id, t.group_name
                          ORDER BY t.points DESC, t.goal_difference DESC, t.goals_for DESC,
                                   cl.name) AS position,
       cl.name AS club, t.club AS club_id, t.played, t.won, t.drawn, t.lost, t.goals_for,
       t.goals_against, t.goal_difference, t.points
FROM tables t JOIN clubs cl ON cl.id = t.club;
