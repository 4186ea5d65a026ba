"""Feature extraction with the SVD: singular vectors of a set of pictures ("eigendigits").

scikit-learn ships 1797 pictures of handwritten digits, 8 x 8 grey pixels
each (nothing is downloaded).  Each picture is a row of 64 numbers; the rows
of the training pictures, minus their mean, form a matrix X.  Its right
singular vectors v_1, v_2, ... are pictures too -- the directions in which
the digits vary most, like the eigenfaces of face recognition.  The k
numbers <x - mean, v_i> (i = 1..k) are the features of a picture x: a
1-nearest-neighbour classifier on k = 10 features is nearly as accurate as
on all 64 pixels.

Writes into --out: eigendigits.png (the mean and v_1 .. v_9),
singular_values.png and accuracy.png (test accuracy against k).  Prints the
accuracy for each k.  Float path (NumPy float64, uncertified).  Needs
matplotlib and scikit-learn::

    pip install "exactsvd[examples]"
    python examples/feature_extraction.py --out features
"""

import argparse
import sys
from pathlib import Path

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

import matplotlib.pyplot as plt
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

import exactsvd.plot
from exactsvd.applications import float_svd

KS = (1, 2, 5, 10, 20, 40, 64)


def accuracy(train, train_labels, test, test_labels):
    """The share of *test* rows that the nearest row of *train* labels correctly."""
    return float(KNeighborsClassifier(n_neighbors=1).fit(train, train_labels).score(test, test_labels))


def main(argv=None):
    """Learn the singular vectors, classify with k features, write the pictures; return the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="features", help="directory for the PNG files (created)")
    parser.add_argument("--samples", type=int, default=1797, help="use the first N digits (at most 1797)")
    parser.add_argument("--ks", type=int, nargs="+", default=KS, help="numbers of features to try")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    digits = load_digits()
    x, y = digits.data[: args.samples], digits.target[: args.samples]
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.3, random_state=0, stratify=y)
    mean = x_train.mean(axis=0)
    _, s, vt = float_svd(x_train - mean)
    print(f"{len(x_train)} training and {len(x_test)} test digits, 8x8 pixels each")

    scores = {}
    for k in args.ks:
        features = vt[:k].T
        scores[k] = accuracy((x_train - mean) @ features, y_train, (x_test - mean) @ features, y_test)
        print(f"k = {k:>2} features: accuracy {scores[k]:.1%}")
    pixels = accuracy(x_train, y_train, x_test, y_test)
    print(f"all 64 pixels:   accuracy {pixels:.1%}")

    fig, axes = plt.subplots(2, 5, figsize=(10, 4.4))
    pictures = [(mean, "mean")] + [(vt[i], f"v_{i + 1}") for i in range(9)]
    for ax, (picture, title) in zip(axes.flat, pictures):
        if title == "mean":
            colours = {"cmap": "Greys"}
        else:  # red positive, blue negative, white zero
            colours = {"cmap": "RdBu_r", "vmin": -abs(picture).max(), "vmax": abs(picture).max()}
        exactsvd.plot.matrix_plot(picture.reshape(8, 8), colorbar=False, title=title, ax=ax, **colours)
        ax.set_axis_off()
    fig.savefig(out / "eigendigits.png", bbox_inches="tight")
    plt.close(fig)
    plt.close(exactsvd.plot.singular_values(s, save=out / "singular_values.png"))
    fig, ax = plt.subplots()
    ax.plot(list(scores), [100 * a for a in scores.values()], "o-", label="k singular-vector features")
    ax.axhline(100 * pixels, color="C1", linestyle=":", label="all 64 pixels")
    ax.set_xscale("log")
    ax.set_xlabel("number of features k")
    ax.set_ylabel("test accuracy (%)")
    ax.legend()
    fig.savefig(out / "accuracy.png", bbox_inches="tight")
    plt.close(fig)
    print(f"written to {out}/: eigendigits.png, singular_values.png, accuracy.png")
    return {"accuracy": scores, "pixels": pixels, "train": len(x_train), "test": len(x_test)}


if __name__ == "__main__":
    main()
