"""PostgreSQL: indexes that give a search's filters their documents without reading the documents' rows.

A search with filters (language, type, date, organ, symbol prefix) joins each matching passage to its
document. PostgreSQL builds the set of documents that pass the filter, or looks each passage's document
up, and without these indexes it read the documents' rows for it: at 100,000 documents, a whole read of
the documents table (10,700 pages) for a language, or of the symbols table for a symbol prefix, on every
search. Each index holds the filter's value and the document's id, so the set comes from the index alone
(`language = 'fr'`: 1,587 ids from 1,587 index entries). `documents_date_id` replaces `documents_date`.

``text_pattern_ops``: a symbol prefix is matched with LIKE, which a plain index serves only under the C
collation; this one serves it under any.

The indexes are small (documents, symbols and organs are a row per document or a few): a few seconds at
100,000 documents; writers wait meanwhile.
"""

SQL = """
CREATE INDEX IF NOT EXISTS documents_language ON documents (language, id);
CREATE INDEX IF NOT EXISTS documents_type ON documents (doc_type, id);
CREATE INDEX IF NOT EXISTS documents_date_id ON documents (date, id);
DROP INDEX IF EXISTS documents_date;
CREATE INDEX IF NOT EXISTS symbols_prefix ON symbols (symbol text_pattern_ops, document_id);
CREATE INDEX IF NOT EXISTS organs_organ ON organs (organ, document_id);
"""
