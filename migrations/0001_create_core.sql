-- The core data model: sources, clubs and their names, competitions, seasons, rounds, ties,
-- legs, the evidence linking them to sources, and the rules per competition and era.

-- Every imported file, once per content.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL CHECK (imported_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*')
) STRICT;

CREATE TABLE clubs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  country TEXT,
  city TEXT,
  origin TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('registry', 'import', 'user'))
) STRICT;

-- Every spelling of a club's name, with its keys for matching and where it was seen first.
CREATE TABLE club_names (
  id INTEGER PRIMARY KEY,
  club_id INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key TEXT NOT NULL,
  fold_key TEXT NOT NULL,
  lang TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  UNIQUE (club_id, name)
) STRICT;
CREATE INDEX club_names_by_name ON club_names(name);
CREATE INDEX club_names_by_name_key ON club_names(name_key);
CREATE INDEX club_names_by_fold_key ON club_names(fold_key);

CREATE TABLE competitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;

-- Rules a competition follows from a season on, overriding footballdb's defaults (UEFA's
-- history). A row holds until the next row of the same competition.
CREATE TABLE competition_rules (
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  from_season_year INTEGER NOT NULL CHECK (from_season_year BETWEEN 1800 AND 2999),
  away_goals INTEGER NOT NULL CHECK (away_goals IN (0, 1)),
  away_goals_extra_time INTEGER NOT NULL CHECK (away_goals_extra_time IN (0, 1)),
  extra_time INTEGER NOT NULL CHECK (extra_time IN (0, 1)),
  penalties INTEGER NOT NULL CHECK (penalties IN (0, 1)),
  replays INTEGER NOT NULL CHECK (replays IN (0, 1)),
  PRIMARY KEY (competition_id, from_season_year)
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

-- A pairing in a round. club_b is NULL while a partial tie's opponent is unknown. The outcome
-- columns are derived by the tie rules from the legs (or, when the legs decide nothing, from
-- what the sources agree on) and recomputed whenever they change.
CREATE TABLE ties (
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
                                        'coin_toss', 'walkover', 'awarded')),
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
CREATE INDEX ties_by_round ON ties(round_id, number);
CREATE INDEX ties_by_club_a ON ties(club_a, round_id);
CREATE INDEX ties_by_club_b ON ties(club_b, round_id);

-- One match of a tie. Scores: full time after 90 minutes (or the awarded score), half time,
-- after extra time (90 minutes included; possibly known without the 90-minute score),
-- penalty shoot-out.
CREATE TABLE legs (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  replay INTEGER NOT NULL DEFAULT 0 CHECK (replay IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'played'
    CHECK (status IN ('played', 'scheduled', 'awarded', 'walkover', 'annulled', 'cancelled')),
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
  CHECK (status NOT IN ('scheduled', 'walkover', 'cancelled')
         OR (ft_home IS NULL AND et_home IS NULL AND pen_home IS NULL)),
  CHECK (status <> 'walkover' OR awarded_to IN (home, away)),
  CHECK (status = 'walkover' OR awarded_to IS NULL),
  UNIQUE (tie_id, number)
) STRICT;
CREATE INDEX legs_by_date ON legs(date);
CREATE INDEX legs_by_home ON legs(home, date);
CREATE INDEX legs_by_away ON legs(away, date);

-- Which source lines a tie or leg was read from: a fact seen in two sources has two rows.
CREATE TABLE tie_evidence (
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  PRIMARY KEY (tie_id, source_id, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX tie_evidence_by_source ON tie_evidence(source_id);

CREATE TABLE leg_evidence (
  leg_id INTEGER NOT NULL REFERENCES legs(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  PRIMARY KEY (leg_id, source_id, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX leg_evidence_by_source ON leg_evidence(source_id);

-- What a source said of a tie's result ("Winner: FK Gomel", "Gent won 3–2 on aggregate"):
-- evidence checked against the computed outcome, never a replacement for it.
CREATE TABLE tie_claims (
  id INTEGER PRIMARY KEY,
  tie_id INTEGER NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 0),
  winner INTEGER REFERENCES clubs(id) ON DELETE RESTRICT,
  agg_a INTEGER CHECK (agg_a >= 0),
  agg_b INTEGER CHECK (agg_b >= 0),
  decided_by TEXT CHECK (decided_by IN ('aggregate', 'away_goals', 'penalties', 'replay',
                                        'coin_toss', 'walkover', 'awarded')),
  text TEXT NOT NULL DEFAULT '',
  CHECK ((agg_a IS NULL) = (agg_b IS NULL)),
  CHECK (winner IS NOT NULL OR agg_a IS NOT NULL OR decided_by IS NOT NULL)
) STRICT;
CREATE INDEX tie_claims_by_tie ON tie_claims(tie_id);
CREATE INDEX tie_claims_by_source ON tie_claims(source_id);

-- Facts a source states that differ from what is stored: kept here, never applied silently.
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
