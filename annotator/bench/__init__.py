"""Benchmarks that print figures: ``python -m annotator.bench --help``. Not part of the tests."""
