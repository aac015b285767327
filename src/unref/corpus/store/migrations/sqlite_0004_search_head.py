"""SQLite: nothing to do; the step keeps both backends' migrations numbered alike.

PostgreSQL's step 4 gives the passages of the first documents a full-text index of their own, so that
a broad query need not build a bitmap of every match (postgres_0004_search_head.py). SQLite's FTS5
reads a term's matches in rowid order and stops at the search's window: it has no such cost.
"""

SQL = """
SELECT 1;
"""
