"""PostgreSQL: a second full-text index over the passages of the first 4,096 documents, the search's head.

A broad query (a word in 1 % of the passages, say) is ranked among its first `search_window` matches.
Through the whole table's GIN index, PostgreSQL must first build the bitmap of every match, which
grows with the corpus: 127,000 entries for such a word at 100,000 documents. Among the earliest
documents the same window is found from a bitmap of a few thousand (`PostgresStore._search_ids`
searches this index first when the planner's word shares say that it holds a full window).

The bound is a passage id: a passage's id is its document's id shifted left by 20 bits
(`base.passage_id`), so ``id < 4096 << 20`` holds the passages of documents 1 to 4,095. It must stay
equal to `postgres.HEAD_ID`: the planner uses a partial index only for a query that names its bound.

On a large corpus the step reads the whole table once and holds off writers meanwhile (about a minute
a million passages). A corpus that must stay writable can be given the index first, with the same
statement as ``CREATE INDEX CONCURRENTLY``; the step then only records itself.
"""

SQL = """
SET LOCAL maintenance_work_mem = '256MB';  -- an existing corpus: the GIN build sorts its entries in memory
CREATE INDEX IF NOT EXISTS passages_tsv_head ON passages USING GIN (tsv) WHERE id < 4294967296;
"""
