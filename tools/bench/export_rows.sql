-- Fills a kiosk database (already at the current schema) with :sessions visits of 15
-- answers each, like a busy surgery's year; one visit in ten changed an answer (a later row
-- in the same visit) and one in twenty skipped a question, so "effective answers" means
-- something. Each visit's rows are written together, as the kiosk writes them. Run by bench_export.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :sessions)
INSERT INTO sessions (session_id, pack_id, pack_version, pack_hash, language, visit_date, part_of_day, boot, mode)
SELECT lower(hex(randomblob(16))), 'default', '1.0.0',
       '5320ce8a6a3feaad366acc31e70c6af1e7c5443949663e40dcd711d061ef6191',
       CASE WHEN i % 9 = 0 THEN 'pl' ELSE 'en' END,
       date('2025-01-01', '+' || (i * 365 / :sessions) || ' days'),
       CASE i % 3 WHEN 0 THEN 'morning' WHEN 1 THEN 'afternoon' ELSE 'evening' END, 1 + i / 5000, 'visitor'
FROM n;
WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < 16)
INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped)
SELECT s.session_id,
       'question_' || CASE WHEN q.j = 16 THEN 3 ELSE q.j END,
       CASE q.j WHEN 14 THEN 'first' WHEN 15 THEN 'second' ELSE '' END,
       CASE WHEN q.j = 16 THEN 'option_changed'
            WHEN s.rowid % 20 = 0 AND q.j = 7 THEN '' ELSE 'option_' || (abs(random()) % 5) END,
       'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8' ||
           printf('%02d', CASE WHEN q.j = 16 THEN 3 ELSE q.j END),
       CASE WHEN s.rowid % 20 = 0 AND q.j = 7 THEN 1 ELSE 0 END
FROM sessions s, q WHERE q.j < 16 OR s.rowid % 10 = 0
ORDER BY s.rowid, q.j;
COMMIT;
