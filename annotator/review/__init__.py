"""Comparing annotators' layers: disagreements, agreement figures, adjudication into gold.

Pure functions over core objects (no database, no window); ``annotator/ops/reviewing.py``
and ``annotator/ops/adjudicating.py`` apply them to a project.
"""
