"""The corpus: the store, ingest, the citation graph and exports."""
