"""Corpus mode: many articles extracted in parallel on Dask, tracked across publication dates.

`python -m dossier.corpus run CORPUS` (what `make corpus` calls) reads a folder or a JSON Lines
file, extracts every new or changed article with the same code as `make report`, writes one
Parquet dataset per table under `data/processed/_corpus/<name>/`, then links actors across
articles and follows commitments over time. Importing the package runs nothing.
"""
