-- A quote is in its source's language unless whoever stored it said otherwise, so each
-- mention is searched with the right stemmer without every writer having to set it.
CREATE FUNCTION claimline_mention_language() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.language IS NULL THEN
    SELECT s.language INTO NEW.language FROM sources s WHERE s.id = NEW.source_id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER mentions_language BEFORE INSERT OR UPDATE OF source_id, language ON mentions
FOR EACH ROW EXECUTE FUNCTION claimline_mention_language();
--> statement-breakpoint
-- When a source's language is corrected, its quotes that followed it follow again.
CREATE FUNCTION claimline_source_language() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mentions SET language = NEW.language
  WHERE source_id = NEW.id AND language IS NOT DISTINCT FROM OLD.language;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sources_language AFTER UPDATE OF language ON sources
FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION claimline_source_language();
--> statement-breakpoint
UPDATE mentions m SET language = s.language FROM sources s WHERE s.id = m.source_id AND m.language IS NULL;
