"""annotator: hand-annotation of right-to-left news articles for training data."""

__version__ = "0.1.0"
