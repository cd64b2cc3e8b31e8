-- An import asks, for each name it cannot bind, whether the name already awaits review
-- (Store::reviewed_club). Without an index on the name that was a walk over every open review:
-- a file of N new names cost N^2. Only open reviews are asked for.
CREATE INDEX name_reviews_open_by_name ON name_reviews(name) WHERE status = 'open';
