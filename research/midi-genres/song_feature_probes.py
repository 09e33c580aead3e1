#!/usr/bin/env python3
"""Non-CNN probes on the MIDI-genres songs, 5 official folds: how far song statistics get.

Reads the log-mel windows `genres train` cached (10 s windows every 5 s, 128 mels, n_fft 2048: the front end of
`midi-genres-temporal-cnn`), so run that first; optionally the per-window Philharmonia tag scores of every song
(`genres tag --model <philharmonia model> --json --top-k 32 --aggregate mean <files…>`).

    python3 research/midi-genres/song_feature_probes.py \
        --dataset ../shared/datasets/midi-genres --model runs/midi/fold-1 [--tags tags.json]

Needs numpy, scipy and scikit-learn (Debian: python3-sklearn). Prints balanced accuracy ± sd over folds and weighted F1.
"""
import argparse, csv, hashlib, json, os
import numpy as np, scipy.fft
from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

FPS = 22050 / 512  # frames per second of the cached front end


def song_spectrogram(windows):
    """Windows at 0, 10, 20 s (every other 10 s window at a 5 s hop) joined into one [128, T] spectrogram."""
    return np.concatenate([windows[i] for i in range(0, windows.shape[0], 2)], axis=1)


def band_statistics(m):
    return np.concatenate([m.mean(1), m.std(1)])


def song_features(m):
    """MFCC stats, delta spread, onset-envelope autocorrelation (rhythm), band-group modulation spectra."""
    length = min(m.shape[1], 1280)
    mfcc = scipy.fft.dct(m, axis=0, norm="ortho")[:20]
    flux = np.maximum(np.diff(m, axis=1), 0).mean(0)
    flux = flux - flux.mean()
    autocorrelation = np.correlate(flux, flux, "full")[len(flux) - 1:len(flux) - 1 + 200]
    autocorrelation = autocorrelation / autocorrelation[0]
    edges = np.geomspace(0.25, 20, 13)
    frequencies = np.fft.rfftfreq(length, 1 / FPS)
    modulation = []
    for group in np.array_split(np.arange(m.shape[0]), 8):
        envelope = m[group].mean(0)[:length]
        spectrum = np.abs(np.fft.rfft((envelope - envelope.mean()) * np.hanning(length)))
        modulation.append([np.log(spectrum[(frequencies >= a) & (frequencies < b)].mean() + 1e-6) for a, b in zip(edges[:-1], edges[1:])])
    return np.concatenate([mfcc.mean(1), mfcc.std(1), np.diff(mfcc, axis=1).std(1), m.mean(1), m.std(1),
                           autocorrelation[1:200:2], np.array(modulation).ravel()])


def tag_features(entry, labels):
    index = {label: i for i, label in enumerate(labels)}
    scores = np.zeros((len(entry["windows"]), len(labels)))
    for i, window in enumerate(entry["windows"]):
        for tag in window["top"]:
            scores[i, index[tag["label"]]] = tag["score"]
    logits = np.log(scores + 1e-4) - np.log(1 - scores + 1e-4)
    return np.concatenate([logits.mean(0), logits.std(0), logits.max(0), np.percentile(logits, 25, axis=0)])


def cross_validate(make, features, y, folds, name):
    balanced, weighted = [], []
    for k in sorted(set(folds)):
        train, test = folds != k, folds == k
        classifier = make()
        classifier.fit(features[train], y[train])
        predicted = classifier.predict(features[test])
        balanced.append(balanced_accuracy_score(y[test], predicted))
        weighted.append(f1_score(y[test], predicted, average="weighted"))
    print(f"{name:55s} balanced {np.mean(balanced):.3f} ± {np.std(balanced, ddof=1):.3f}  weighted F1 {np.mean(weighted):.3f}"
          f"  folds {' '.join(f'{b:.3f}' for b in balanced)}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--model", required=True, help="a model folder trained with the 128-mel 10 s front end")
    parser.add_argument("--cache", default=os.environ.get("GENRES_CACHE", os.path.expanduser("~/.cache/orleansgenres/features")))
    parser.add_argument("--tags")
    args = parser.parse_args()
    key = json.load(open(os.path.join(args.model, "model.json")))["frontEnd"]["key"]
    rows = list(csv.DictReader(open(os.path.join(args.dataset, "manifest.csv"))))
    stats, songs, y, folds = [], [], [], []
    for row in rows:
        digest = hashlib.sha256(open(os.path.join(args.dataset, row["path"]), "rb").read()).hexdigest()
        m = song_spectrogram(np.load(os.path.join(args.cache, key, digest[:2], digest + ".npz"))["windows"])
        stats.append(band_statistics(m))
        songs.append(song_features(m))
        y.append(row["labels"])
        folds.append(int(row["fold"]))
    stats, songs, y, folds = np.array(stats), np.array(songs), np.array(y), np.array(folds)

    def logistic(c):
        return lambda: make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000, class_weight="balanced"))

    cross_validate(logistic(0.01), stats, y, folds, "LR, band mean + sd")
    cross_validate(logistic(0.003), songs, y, folds, "LR, song features")
    cross_validate(lambda: make_pipeline(StandardScaler(), SVC(C=1, class_weight="balanced")), songs, y, folds, "RBF SVM, song features")
    cross_validate(lambda: ExtraTreesClassifier(500, class_weight="balanced", min_samples_leaf=2, n_jobs=2, random_state=0), songs, y, folds, "extra trees, song features")
    cross_validate(lambda: HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, class_weight="balanced", random_state=0), songs, y, folds, "gradient boosting, song features")
    if args.tags:
        entries = json.load(open(args.tags))
        assert [e["file"] for e in entries] == [os.path.basename(r["path"]) for r in rows], "tags must follow the manifest's order"
        labels = sorted(t["label"] for t in entries[0]["tags"])
        tags = np.array([tag_features(e, labels) for e in entries])
        cross_validate(logistic(0.01), tags, y, folds, "LR, instrument-tag scores")
        cross_validate(logistic(0.01), np.concatenate([songs, tags], 1), y, folds, "LR, song features + instrument-tag scores")


if __name__ == "__main__":
    main()
