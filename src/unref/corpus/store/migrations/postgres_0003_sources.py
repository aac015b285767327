"""PostgreSQL: one record per document; the other files of the same document are its `sources`.

See sqlite_0003_sources.py: the same step.
"""

from unref.corpus.store.migrations.sources import MERGE_SQL

SQL = """
CREATE TABLE sources (
    hash TEXT PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    path TEXT,
    format TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX sources_document ON sources (document_id);
""" + MERGE_SQL
