-- What an import was told besides its files (competition, season, round, forced format, CSV
-- mapping), as a JSON object, so that importing the same content again with other options is
-- refused instead of passing for "imported before". NULL for imports made before this version.
ALTER TABLE sources ADD COLUMN options TEXT CHECK (options IS NULL OR json_valid(options));
-- Which facts of a leg a source stated, a bit each (storage::LegFact: date, kick-off, venue,
-- neutral ground, result, half time, extra time, penalties), so that taking a source back
-- re-derives the leg from what the others stated. NULL (evidence from before this version, or
-- carried by an interchange file) counts as every fact.
ALTER TABLE leg_evidence ADD COLUMN facts INTEGER CHECK (facts IS NULL OR facts BETWEEN 0 AND 255);
