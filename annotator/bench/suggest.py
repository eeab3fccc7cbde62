"""``python -m annotator.bench suggest``: how good and how fast suggestions are.

On ANERCorp's test part and the Wojood sample (``../shared/corpus``), each imported through
the CoNLL reader into a project of the ``ner`` preset (clitics included in spans, as both
corpora tokenise: «والجيش» is one token). Neither marks documents, so every twenty
sentences make one (Wojood's ``$#$`` segment marks are left out). Then:

- quality: cross-validated by document (5 folds), exact match, per label, for the
  dictionary of the training spans and for the CRF, with a learning curve; then the CRF
  again with the documents shuffled into folds by two other seeds, and in folds of
  consecutive documents (each held-out fold a stretch of the corpus, as a new batch of
  articles would be), to show how much the figure owes to one way of cutting the corpus;
- speed: suggestions for each document (an article of twenty sentences) and for the seed
  article, by both recommenders trained on everything; training the CRF on 5,000 labelled
  sentences of each corpus (its documents repeated to make up the number);
- memory: the process's peak resident size.
"""

from __future__ import annotations

import resource
import statistics
import time
from dataclasses import replace
from pathlib import Path

from annotator.core.schema import load_preset
from annotator.core.suggestions import LabelledDocument
from annotator.ops import suggest_uncertainty, suggesting
from annotator.ops.importing import import_files
from annotator.store.project import Project
from annotator.suggest.crf import CrfRecommender
from annotator.suggest.evaluation import SEED, Evaluation, cross_validate

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SENTENCES_PER_DOCUMENT = 20
TRAINING_SENTENCES = 5_000
NEWS_LABELS = ("PER", "ORG", "LOC", "MISC")
LAYER = "corpus"
GOALS = {
    "margin": 0.10,  # F1 points the CRF is above the dictionary
    "f1": 0.60,  # the CRF's F1 over PER, ORG, LOC, MISC (ANERCorp)
    "suggest ms": 100.0,
    "train s": 60.0,
    "memory MB": 500.0,
}
OTHER_CUTS = (1, 2, None)  # seeds of other shuffles; None: consecutive chunks
SOURCES = {
    "ANERCorp test": (("anercorp", "ANERCorp_CamelLab_test.txt"),),
    "Wojood sample": (("wojood-sample", "train.txt"), ("wojood-sample", "val.txt")),
}


def conll_in_documents(sources: tuple[tuple[str, str], ...], out: Path) -> int:
    """The corpus as one CoNLL file with ``-DOCSTART-`` every twenty sentences; returns the
    number of sentences."""
    sentences = []
    for parts in sources:
        text = CORPUS.joinpath(*parts).read_text("utf-8")
        for chunk in text.split("\n\n"):
            lines = [line for line in chunk.splitlines() if line and not line.startswith("$#$ ")]
            if lines:
                sentences.append("\n".join(lines))
    with out.open("w", encoding="utf-8") as stream:
        for index, sentence in enumerate(sentences):
            if index % SENTENCES_PER_DOCUMENT == 0:
                stream.write("-DOCSTART- O\n\n")
            stream.write(sentence + "\n\n")
    return len(sentences)


def imported(name: str, work: Path) -> tuple[Project, int]:
    conll = work / f"{name.split()[0].lower()}.conll"
    sentences = conll_in_documents(SOURCES[name], conll)
    schema = replace(load_preset("ner"), clitics="include")
    project = Project.create(work / conll.stem, schema)
    import_files(project, [conll], "conll", LAYER, label_map={"PERS": "PER"}, add_labels=True)
    return project, sentences


def _quality(name: str, evaluation: Evaluation) -> list[str]:
    lines = [f"{name}: cross-validated over {evaluation.folds} folds of documents"]
    lines.append(f"  {'label':<10} {'spans':>6}   {'dictionary P/R/F1':>20}   {'CRF P/R/F1':>20}")
    dictionary, crf = evaluation.scores["dictionary"], evaluation.scores["crf"]
    labels = sorted(crf.by_label, key=lambda label: -crf.by_label[label].marked)
    for label in [*labels, "all"]:
        d = dictionary.overall() if label == "all" else dictionary.by_label.get(label)
        c = crf.overall() if label == "all" else crf.by_label[label]
        dictionary_figures = f"{d.precision:.3f} {d.recall:.3f} {d.f1:.3f}" if d else "-"
        lines.append(
            f"  {label:<10} {c.marked:>6}   {dictionary_figures:>20}   "
            f"{c.precision:.3f} {c.recall:.3f} {c.f1:.3f}"
        )
    news = [label for label in NEWS_LABELS if label in crf.by_label]
    if len(news) == len(NEWS_LABELS):
        d, c = dictionary.overall(news), crf.overall(news)
        lines.append(
            f"  over PER, ORG, LOC, MISC: CRF F1 {c.f1:.3f} (goal ≥ {GOALS['f1']:.2f}), "
            f"dictionary {d.f1:.3f}: {100 * (c.f1 - d.f1):+.1f} points "
            f"(goal ≥ +{100 * GOALS['margin']:.0f})"
        )
    else:
        d, c = dictionary.overall(), crf.overall()
        lines.append(f"  all labels: CRF {100 * (c.f1 - d.f1):+.1f} F1 points over the dictionary")
    lines.append("  learning curve (F1, all labels): documents, spans, dictionary, CRF")
    for point in evaluation.curve:
        lines.append(
            f"    {point.documents:>4} {point.spans:>6}   "
            f"{point.f1['dictionary']:.3f}   {point.f1['crf']:.3f}"
        )
    seconds = evaluation.seconds_training
    lines.append(
        f"  training a fold: dictionary {seconds['dictionary']:.2f} s, CRF {seconds['crf']:.1f} s"
    )
    return lines


def _other_cuts(project: Project, evaluation: Evaluation) -> list[str]:
    """The CRF's F1 over the news labels (or all) with the folds cut other ways."""
    learned = suggesting.learn_from(project, LAYER)
    outside = project.schema.clitics == "exclude"
    lines = ["  the CRF with the folds cut other ways: F1, then per label"]
    for seed in (SEED, *OTHER_CUTS):
        if seed != SEED:
            evaluation = cross_validate(
                learned.documents,
                lambda: suggesting.recommenders(learned, "crf", outside),
                fractions=(1.0,),
                seed=seed,
            )
        scores = evaluation.scores["crf"]
        news = [label for label in NEWS_LABELS if label in scores.by_label]
        labels = news if len(news) == len(NEWS_LABELS) else None
        largest = sorted(scores.by_label, key=lambda label: -scores.by_label[label].marked)
        shown = " ".join(f"{label} {scores.by_label[label].f1:.3f}" for label in largest[:6])
        cut = f"seed {seed}" if seed is not None else "consecutive"
        lines.append(f"    {cut:<12} {scores.overall(labels).f1:.3f}   {shown}")
    return lines


def _speed(project: Project, seed_text: str | None) -> list[str]:
    learned = suggesting.learn_from(project, LAYER)
    made = suggesting.trained(project, learned, suggesting.ALL)
    times = []
    for document in learned.documents:
        began = time.perf_counter()
        suggesting.suggestions_for(made, document.text)
        times.append(1000 * (time.perf_counter() - began))
    lines = [
        f"  suggestions for one article ({len(times)} articles of ~{SENTENCES_PER_DOCUMENT} "
        f"sentences): median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms "
        f"(goal < {GOALS['suggest ms']:.0f} ms)"
    ]
    if seed_text is not None:
        began = time.perf_counter()
        suggesting.suggestions_for(made, seed_text)
        lines.append(
            f"  the seed article ({len(seed_text):,} characters): "
            f"{1000 * (time.perf_counter() - began):.1f} ms"
        )
    crf = suggest_uncertainty.scorer(made)
    began = time.perf_counter()
    measured = suggest_uncertainty.measure(project, crf.copy(), "someone-new")
    took = 1000 * (time.perf_counter() - began)
    lines.append(
        f"  most uncertain first: measuring all {measured} articles for an annotator who has "
        f"annotated none, saved in the cache: {took:.0f} ms, {took / measured:.1f} ms an article"
    )
    return lines


def _training(documents: list[LabelledDocument]) -> str:
    """Train the CRF on 5,000 sentences' worth of the documents (repeated as needed)."""
    per_document = SENTENCES_PER_DOCUMENT
    needed = -(-TRAINING_SENTENCES // per_document)
    repeated = [documents[i % len(documents)] for i in range(needed)]
    recommender = CrfRecommender(clitics_outside=False)
    began = time.perf_counter()
    recommender.train(repeated)
    seconds = time.perf_counter() - began
    return (
        f"training the CRF on {needed * per_document:,} labelled sentences: {seconds:.1f} s "
        f"(goal < {GOALS['train s']:.0f} s)"
    )


def run(work: Path) -> None:
    seed = CORPUS / "seed" / "article.txt"
    seed_text = seed.read_text("utf-8") if seed.exists() else None
    for name in SOURCES:
        project, sentences = imported(name, work)
        with project:
            print(f"{name}: {sentences:,} sentences, {project.documents.count()} documents, "
                  f"{project.spans.count():,} spans", flush=True)  # fmt: skip
            evaluation = suggesting.evaluate(project, LAYER)
            lines = (
                _quality(name, evaluation)
                + _other_cuts(project, evaluation)
                + _speed(project, seed_text)
            )
            for line in lines:
                print(line, flush=True)
            print("  " + _training(suggesting.learn_from(project, LAYER).documents), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB (goal < {GOALS['memory MB']:.0f} MB)")
