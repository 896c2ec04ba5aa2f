"""Curation files: strict YAML reading, typed models, cross-file checks and canonical formatting."""
