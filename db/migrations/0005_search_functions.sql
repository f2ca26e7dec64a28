-- Full-text search configurations that fold accents before stemming, so "ingérence",
-- "ingerence" and "INGÉRENCE" meet, and ts_headline still shows the text with its accents
-- (wrapping to_tsvector's input in unaccent() would lose them in every snippet).
CREATE TEXT SEARCH CONFIGURATION claimline_english (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION claimline_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION claimline_french (COPY = french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION claimline_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
-- Languages without a stemmer here are still searched word by word, accents folded.
CREATE TEXT SEARCH CONFIGURATION claimline_simple (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION claimline_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
-- The configuration for a row's language code ('en', 'fr-CA', null…). IMMUTABLE so generated
-- columns and expression indexes may call it; names are schema-qualified so a restore with an
-- empty search_path computes the same vectors.
CREATE FUNCTION claimline_ts_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
    WHEN 'en' THEN 'public.claimline_english'::regconfig
    WHEN 'fr' THEN 'public.claimline_french'::regconfig
    ELSE 'public.claimline_simple'::regconfig
  END
$$;
