"""SQLite: documents, their symbols, organs and agenda items, passages with FTS5, citations, failures."""

SQL = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,          -- SHA-256 of the source file's bytes
    path TEXT,                          -- where the file was when ingested
    symbol TEXT,                        -- the first symbol (key form); NULL when the masthead gave none
    symbols TEXT NOT NULL,              -- every symbol, JSON array
    title TEXT,
    doc_type TEXT,
    date TEXT,                          -- ISO 8601
    language TEXT,
    format TEXT NOT NULL,               -- "pdf" or "text"
    pages INTEGER NOT NULL,
    record BLOB NOT NULL,               -- unref.document/1 JSON without passage texts, zlib
    unref_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_symbol ON documents (symbol);
CREATE INDEX documents_date ON documents (date);

CREATE TABLE symbols (
    symbol TEXT NOT NULL,               -- canonical, without the reissue mark: S/RES/822 (1993)
    base TEXT NOT NULL,                 -- without Add./Corr./Rev.: the family
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,          -- 0 for the first symbol of a double symbol
    PRIMARY KEY (symbol, document_id)
) WITHOUT ROWID;
CREATE INDEX symbols_base ON symbols (base);
CREATE INDEX symbols_document ON symbols (document_id);

CREATE TABLE organs (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    organ TEXT NOT NULL,
    PRIMARY KEY (document_id, organ)
) WITHOUT ROWID;

CREATE TABLE agenda_items (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    organ TEXT NOT NULL,
    item TEXT NOT NULL,                 -- "34 (b)"
    PRIMARY KEY (document_id, organ, item)
) WITHOUT ROWID;

CREATE TABLE passages (
    id INTEGER PRIMARY KEY,             -- document id << 20 | seq: a match names its document
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,               -- paragraphs first, then footnotes, in document order
    kind TEXT NOT NULL,                 -- "paragraph" or "footnote"
    ref TEXT NOT NULL,                  -- "p12" or "fn:3", as citation locations name them
    role TEXT NOT NULL,                 -- body, heading, quote, ... or footnote
    page INTEGER,
    text TEXT NOT NULL,
    UNIQUE (document_id, seq)
);

CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text, content = 'passages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,                 -- un_symbol, url, treaty, ...
    target TEXT,                        -- a UN symbol in key form, or the canonical target
    target_base TEXT,
    text TEXT NOT NULL,                 -- as written
    location TEXT NOT NULL,             -- "p12" or "fn:3"
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    url TEXT,
    resolved INTEGER NOT NULL
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_target ON citations (target);
CREATE INDEX citations_target_base ON citations (target_base);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    hash TEXT UNIQUE,                   -- NULL when the file could not be read
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
"""
