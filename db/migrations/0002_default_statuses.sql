-- The default status vocabulary and its ClaimReview reviewRating mapping (1 = worst, 5 = best).
-- Admins may change it later; existing rows are left alone.
INSERT INTO "statuses" ("key", "label", "label_fr", "description", "is_verdict", "rating_value", "best_rating", "worst_rating", "alternate_name", "color", "position") VALUES
  ('unreviewed', 'Unreviewed', 'Non vérifié', 'Nobody has looked at this claim yet.', false, NULL, NULL, NULL, NULL, '#6b7280', 0),
  ('in_review', 'In review', 'En cours de vérification', 'An editor is checking this claim.', false, NULL, NULL, NULL, NULL, '#2563eb', 1),
  ('true', 'True', 'Vrai', 'The claim is accurate.', true, 5, 5, 1, 'True', '#15803d', 2),
  ('mostly_true', 'Mostly true', 'Plutôt vrai', 'The claim is accurate but needs clarification.', true, 4, 5, 1, 'Mostly true', '#4d7c0f', 3),
  ('unproven', 'Unproven (disputed)', 'Non prouvé (contesté)', 'The evidence does not settle the claim; the parties dispute it.', true, 3, 5, 1, 'Unproven', '#7c3aed', 4),
  ('misleading', 'Misleading', 'Trompeur', 'The claim contains some truth but gives a false impression.', true, 2, 5, 1, 'Misleading', '#c2410c', 5),
  ('false', 'False', 'Faux', 'The claim is inaccurate.', true, 1, 5, 1, 'False', '#b91c1c', 6)
ON CONFLICT ("key") DO NOTHING;
