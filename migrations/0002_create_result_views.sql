-- Views for the stock sqlite3 shell: ties and legs with names instead of ids. Built-in SQL only,
-- so they work without footballdb's extension. New columns are only ever appended.

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
