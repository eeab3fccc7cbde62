"""Recommenders: what proposes spans for an annotator to accept or reject.

Each follows :class:`annotator.core.suggestions.Recommender`: the dictionary of names the
project holds (:mod:`annotator.suggest.dictionary`) and a CRF trained on a layer
(:mod:`annotator.suggest.crf`); :mod:`annotator.suggest.evaluation` measures them.
"""
