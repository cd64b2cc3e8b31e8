-- The keys under which a query finds each spelling (footballdb's analysis of the name: its
-- transliterated skeleton, the stems and first letters of its words, its initials, and for a
-- club's canonical name the words of its city), so that resolving a name reads only the clubs it
-- may mean instead of analysing every spelling. footballdb writes them; the triggers below mark
-- a spelling whose keys are missing or out of date, and footballdb writes those on its next
-- write (until then, it analyses every spelling as before).
CREATE TABLE club_name_keys (
  key TEXT NOT NULL,
  name_id INTEGER NOT NULL,
  PRIMARY KEY (key, name_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX club_name_keys_by_name ON club_name_keys(name_id);

-- A spelling in another script written in Latin letters, as the analysis made it (costly to make).
CREATE TABLE club_name_latin (
  name_id INTEGER PRIMARY KEY,
  latin TEXT NOT NULL
) STRICT;

-- Spellings whose keys are to be written.
CREATE TABLE club_names_unkeyed (
  name_id INTEGER PRIMARY KEY
) STRICT;

-- The version of the analysis that wrote the keys (a newer footballdb writes them again).
CREATE TABLE club_name_keys_version (
  version INTEGER NOT NULL
) STRICT;
INSERT INTO club_name_keys_version(version) VALUES (0);

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

-- A club's country (the transliteration variant), city and canonical name are in its keys.
CREATE TRIGGER clubs_keys_update AFTER UPDATE OF name, country, city ON clubs
BEGIN
  DELETE FROM club_name_keys WHERE name_id IN (SELECT id FROM club_names WHERE club_id = NEW.id);
  INSERT OR IGNORE INTO club_names_unkeyed(name_id)
    SELECT id FROM club_names WHERE club_id = NEW.id;
END;

INSERT INTO club_names_unkeyed(name_id) SELECT id FROM club_names;
