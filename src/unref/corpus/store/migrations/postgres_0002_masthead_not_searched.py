"""PostgreSQL: masthead lines leave the full-text index (an empty tsvector), as on SQLite.

New passages get theirs from `PostgresStore._insert_passages`.
"""

SQL = """
UPDATE passages SET tsv = ''::tsvector WHERE role = 'masthead';
"""
