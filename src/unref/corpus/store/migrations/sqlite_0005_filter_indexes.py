"""SQLite: nothing to do; the step keeps both backends' migrations numbered alike.

PostgreSQL's step 5 indexes the filters' values beside the document's id (postgres_0005_filter_indexes.py),
so that a filtered search reads no document's row to learn whether it passes. SQLite's filtered search
reads a term's matches from FTS5 in rowid order, each naming its document in its rowid, and stops at the
search's window; it has not measured a need for them.
"""

SQL = """
SELECT 1;
"""
