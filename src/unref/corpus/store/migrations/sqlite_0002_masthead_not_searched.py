"""SQLite: masthead lines ("United Nations", "Security Council", "Distr.: General") leave the full-text index.

They stay stored, for the record, but a search for "Security Council" finds what documents
say, not the heads of their first pages.
"""

SQL = """
DROP TRIGGER passages_ai;
DROP TRIGGER passages_ad;
DROP TRIGGER passages_au;
CREATE TRIGGER passages_ai AFTER INSERT ON passages WHEN new.role != 'masthead' BEGIN
    INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages WHEN old.role != 'masthead' BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.role != 'masthead';
    INSERT INTO passages_fts (rowid, text) SELECT new.id, new.text WHERE new.role != 'masthead';
END;
INSERT INTO passages_fts (passages_fts, rowid, text) SELECT 'delete', id, text FROM passages WHERE role = 'masthead';
"""
