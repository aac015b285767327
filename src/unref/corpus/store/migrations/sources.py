"""The statements that merge the copies of a document already stored into one record (both backends).

In each group of stored documents with the same first symbol and language, the best source stays the
document: a PDF before extracted text (the PDF carries the page geometry), then the first stored. The
others become rows of `sources`, pointing at it, and their own rows (passages, citations) are removed.
Documents without a symbol are never merged: nothing says two of them are the same document.
"""

MERGE_SQL = """
INSERT INTO sources (hash, document_id, path, format, ingested_at)
SELECT hash, keeper, path, format, ingested_at FROM (
    SELECT id, hash, path, format, ingested_at,
           FIRST_VALUE(id) OVER (PARTITION BY symbol, language
                                 ORDER BY CASE format WHEN 'pdf' THEN 0 ELSE 1 END, id) AS keeper
    FROM documents WHERE symbol IS NOT NULL
) ranked WHERE id != keeper;
DELETE FROM documents WHERE hash IN (SELECT hash FROM sources);
"""
