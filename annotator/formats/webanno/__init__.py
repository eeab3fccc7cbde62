"""WebAnno TSV 3, INCEpTION's tab-separated format: parsed (``parse``, ``tsv``) into records
(``reader``) and written (``export``)."""
