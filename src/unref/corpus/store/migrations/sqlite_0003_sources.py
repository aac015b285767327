"""SQLite: one record per document. A PDF and the text extracted from it (or any two files with the same
first symbol and language) are one document; the files that are not its best source are its `sources`.

Existing stores are merged here: in each group of documents with the same first symbol and language, the
first PDF (else the first file) stays the document and the others become its sources.
"""

from unref.corpus.store.migrations.sources import MERGE_SQL

SQL = """
CREATE TABLE sources (
    hash TEXT PRIMARY KEY,              -- SHA-256 of the file's bytes
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    path TEXT,
    format TEXT NOT NULL,               -- "pdf" or "text"
    ingested_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sources_document ON sources (document_id);
""" + MERGE_SQL
