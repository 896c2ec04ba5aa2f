"""Reviewing curation changes: the semantic diff between two curation roots."""
