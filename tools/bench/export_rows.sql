-- Fills a kiosk database (already at the current schema) with :sessions visits to the default
-- pack, like a busy surgery's year. Each visit answers 13 questions, the two "about you"
-- ones among them, and gives a scenario's first and second view (15 answers in all); one
-- visit in ten changed an answer (a later row in the same visit), one in twenty skipped a
-- question, so "effective answers" means something. Each visit's rows are written together,
-- as the kiosk writes them. Options are the pack's own, so summary.json counts them and the
-- guessable-answer rule looks at real age bands. Run by bench_export.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :sessions)
INSERT INTO sessions (session_id, pack_id, pack_version, pack_hash, language, visit_date, part_of_day, boot, mode)
SELECT lower(hex(randomblob(16))), 'default', '1.0.0',
       '5320ce8a6a3feaad366acc31e70c6af1e7c5443949663e40dcd711d061ef6191',
       CASE WHEN i % 9 = 0 THEN 'pl' ELSE 'en' END,
       date('2025-01-01', '+' || (i * 365 / :sessions) || ' days'),
       CASE i % 3 WHEN 0 THEN 'morning' WHEN 1 THEN 'afternoon' ELSE 'evening' END, 1 + i / 5000, 'visitor'
FROM n;

-- The questions a visit answers, in order (j), and each one's options (k from 0).
CREATE TEMP TABLE bench_question (j INTEGER PRIMARY KEY, id TEXT, phase TEXT, options INTEGER);
INSERT INTO bench_question VALUES
  (1, 'aware', '', 3), (2, 'comfort_wider', '', 5), (3, 'comfort_linking', '', 5),
  (4, 'confidence_protected', '', 5), (5, 'reassure', '', 7), (6, 'know_can_opt_out', '', 3),
  (7, 'know_how', '', 3), (8, 'where_look', '', 8), (9, 'contact_how', '', 6),
  (10, 'phone_after_letter', '', 3), (11, 'warm_homes_view', 'first', 3),
  (12, 'warm_homes_view', 'second', 3), (13, 'right_care_view', '', 5), (14, 'age_band', '', 6),
  (15, 'conditions', '', 5),
  (16, 'comfort_linking', '', 5);  -- the changed answer, in one visit of ten
CREATE TEMP TABLE bench_option (question TEXT, k INTEGER, id TEXT);
INSERT INTO bench_option VALUES
  ('aware', 0, 'yes'), ('aware', 1, 'no'), ('aware', 2, 'not_sure'),
  ('know_can_opt_out', 0, 'yes'), ('know_can_opt_out', 1, 'no'), ('know_can_opt_out', 2, 'not_sure'),
  ('know_how', 0, 'yes'), ('know_how', 1, 'no'), ('know_how', 2, 'not_sure'),
  ('phone_after_letter', 0, 'yes'), ('phone_after_letter', 1, 'no'), ('phone_after_letter', 2, 'not_sure'),
  ('warm_homes_view', 0, 'yes'), ('warm_homes_view', 1, 'no'), ('warm_homes_view', 2, 'not_sure'),
  ('comfort_wider', 0, 'very_comfortable'), ('comfort_wider', 1, 'somewhat_comfortable'),
  ('comfort_wider', 2, 'neutral'), ('comfort_wider', 3, 'somewhat_uncomfortable'),
  ('comfort_wider', 4, 'very_uncomfortable'),
  ('comfort_linking', 0, 'very_comfortable'), ('comfort_linking', 1, 'somewhat_comfortable'),
  ('comfort_linking', 2, 'neutral'), ('comfort_linking', 3, 'somewhat_uncomfortable'),
  ('comfort_linking', 4, 'very_uncomfortable'),
  ('right_care_view', 0, 'very_comfortable'), ('right_care_view', 1, 'somewhat_comfortable'),
  ('right_care_view', 2, 'neutral'), ('right_care_view', 3, 'somewhat_uncomfortable'),
  ('right_care_view', 4, 'very_uncomfortable'),
  ('confidence_protected', 0, 'very_confident'), ('confidence_protected', 1, 'somewhat_confident'),
  ('confidence_protected', 2, 'neutral'), ('confidence_protected', 3, 'somewhat_unconfident'),
  ('confidence_protected', 4, 'not_confident'),
  ('reassure', 0, 'names_removed'), ('reassure', 1, 'no_companies'), ('reassure', 2, 'security'),
  ('reassure', 3, 'clear_rules'), ('reassure', 4, 'told_how'), ('reassure', 5, 'see_results'),
  ('reassure', 6, 'names_removed;security'),
  ('where_look', 0, 'gp_website'), ('where_look', 1, 'gp_contact'), ('where_look', 2, 'nhs_app'),
  ('where_look', 3, 'service_website'), ('where_look', 4, 'service_contact'), ('where_look', 5, 'internet'),
  ('where_look', 6, 'friend_family'), ('where_look', 7, 'gp_website;nhs_app'),
  ('contact_how', 0, 'gp_letter'), ('contact_how', 1, 'text'), ('contact_how', 2, 'phone'),
  ('contact_how', 3, 'nhs_app'), ('contact_how', 4, 'email'), ('contact_how', 5, 'text;email'),
  ('age_band', 0, '16_35'), ('age_band', 1, '36_55'), ('age_band', 2, '56_75'), ('age_band', 3, '76_plus'),
  ('age_band', 4, '36_55'), ('age_band', 5, 'prefer_not'),
  ('conditions', 0, 'disability'), ('conditions', 1, 'long_term'), ('conditions', 2, 'carer'),
  ('conditions', 3, 'none'), ('conditions', 4, 'long_term;carer');

WITH picked AS MATERIALIZED (
  SELECT s.rowid AS visit, s.session_id, q.j, q.id AS question, q.phase,
         abs(random()) % q.options AS k,
         s.rowid % 20 = 0 AND q.j = 7 AS skipped
  FROM sessions s, bench_question q WHERE q.j < 16 OR s.rowid % 10 = 0)
INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped)
SELECT p.session_id, p.question, p.phase, CASE WHEN p.skipped THEN '' ELSE o.id END,
       'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8' || printf('%02d', CASE WHEN p.j = 16 THEN 3 ELSE p.j END),
       p.skipped
FROM picked p JOIN bench_option o ON o.question = p.question AND o.k = p.k
ORDER BY p.visit, p.j;
COMMIT;
