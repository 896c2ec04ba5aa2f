"""Compiled knowledge: records built from checked curation, kept in a content-keyed SQLite cache."""
