"""Reviewing curation changes: what a pull request changes, and what that does to the answers.

``report.compare(old, new, repo)`` reads both sides (``sides``), compiles them
(``state``), matches their records (``compare``), works out the answer impact
(``impact``) and the reviewer's checklist (``checklist``) into a typed
``model.Report``, which ``markdown``, ``terminal`` and JSON render; ``ci`` is
what the pull-request workflow runs.
"""
