"""Questions across assertions: signed chains and paths, context coherence, conflicts, English, search.

One module per job, all reading the compiled store (never the YAML): ``index`` (step rows and
hierarchies), ``chains`` (bounded search, sign algebra, ranking), ``context`` (coherence),
``conflicts``, ``explain``, ``search`` and ``render`` (table, JSON, TSV). The public entry point is
:mod:`exograph.api`.
"""
