-- The result views gain the clubs' ids beside their names (tie_results: club_a_id, club_b_id,
-- winner_id; leg_results: home_id, away_id), so that two clubs of one name can be told apart
-- and rows joined to clubs without matching names. Every existing column stays where it was;
-- the new ones come last.
DROP VIEW tie_results;
DROP VIEW leg_results;

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
