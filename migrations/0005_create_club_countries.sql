-- The countries a club may be said to be of besides its own: the association whose league it
-- plays in (AS Monaco: France; Derry City: Ireland; Cardiff City: England). A country that a
-- source states for a club must be its own or one of these.
CREATE TABLE club_countries (
  club_id INTEGER NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
  country TEXT NOT NULL CHECK (length(country) = 3 AND country = upper(country)),
  PRIMARY KEY (club_id, country)
) STRICT, WITHOUT ROWID;
