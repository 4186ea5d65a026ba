"""Two stories in exact arithmetic: a tiny recommender and the PageRank of a tiny web.

Recommender.  Five people rated four films from 1 to 5 (0: not seen).  The
best rank-2 approximation R_2 of the ratings keeps the two strongest
"tastes" -- the first two right singular vectors: v_1 how much one likes
films at all, v_2 sci-fi (+) against romance (-) -- and fills every cell,
the unseen ones included: those entries are the predictions.  Everything is exact: R_2 has entries in Q(sqrt(51)), and
Eckart-Young holds exactly, ||R - R_2||_2 = s_3 and ||R - R_2||_F^2 =
s_3^2 + s_4^2, each checked with exactsvd.

PageRank.  The four-page web of Bryan and Leise's "The $25,000,000,000
eigenvector": page 1 links to 2, 3, 4; page 2 to 3, 4; page 3 to 1; page 4
to 1, 3.  With the damping factor d = 17/20 (0.85) the Google matrix is
G = d M + (1 - d)/n (all ones), and the PageRank x is its eigenvector for
the eigenvalue 1: the null space of G - I, here read off the exact SVD of
G - I (the last column of V), scaled so that its entries sum to 1 -- a
vector of rationals.  With d = 1 it is the paper's (12, 4, 9, 6)/31.

Writes results.json into --out (exact numbers as strings such as
"8/21 + 5*sqrt(51)/21", matrices as lists of rows of them).  Needs only exactsvd::

    python examples/recommender_pagerank.py --out stories
"""

import argparse
import json
import sys
from pathlib import Path

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

from sympy import Matrix, MatrixBase, Rational, eye, ones

from exactsvd.applications import fundamental_subspaces, truncate

USERS = ("Ann", "Bob", "Cat", "Dan", "Eve")
FILMS = ("Alien", "Matrix", "Notebook", "Titanic")
RATINGS = Matrix([[4, 0, 1, 2], [5, 5, 0, 1], [1, 1, 4, 0], [1, 1, 4, 5], [0, 4, 1, 2]])

LINKS = {1: (2, 3, 4), 2: (3, 4), 3: (1,), 4: (1, 3)}
DAMPING = Rational(17, 20)


def recommender():
    """The exact rank-2 approximation of :data:`RATINGS`, its predictions and its Eckart-Young check."""
    r = exactsvd.svd(RATINGS)
    best = truncate(r, 2)
    s = r.singular_values
    print("singular values:", ", ".join(f"{x} ~ {x.evalf(5)}" for x in s))
    for i in range(2):
        taste = ", ".join(f"{film} {r.V[j, i].evalf(2)}" for j, film in enumerate(FILMS))
        print(f"taste v_{i + 1}: {taste}")
    print("R_2, the best rank-2 approximation (rounded):")
    for user, row in zip(USERS, best.matrix.tolist()):
        print(f"  {user}: " + "  ".join(f"{float(x):5.2f}" for x in row))
    predictions = {}
    for (i, j) in ((i, j) for i in range(RATINGS.rows) for j in range(RATINGS.cols) if RATINGS[i, j] == 0):
        value = best.matrix[i, j]
        predictions[f"{USERS[i]}/{FILMS[j]}"] = value
        print(f"  {USERS[i]} has not seen {FILMS[j]}: predicted {value} ~ {float(value):.2f}")
    residual = exactsvd.singular_values(RATINGS - best.matrix)
    frobenius = sum(x**2 for x in RATINGS - best.matrix).expand()
    checks = {
        "2-norm": residual[0] == best.error_2 == s[2],
        "Frobenius": frobenius == (best.error_frobenius**2).expand() == (s[2] ** 2 + s[3] ** 2).expand(),
    }
    print(f"Eckart-Young: ||R - R_2||_2 = s_3 = {best.error_2}: {checks['2-norm']}")
    print(f"Eckart-Young: ||R - R_2||_F^2 = s_3^2 + s_4^2 = {frobenius}: {checks['Frobenius']}")
    return {"singular_values": s, "R_2": best.matrix, "predictions": predictions, "checks": checks}


def google_matrix(damping):
    """``G = d M + (1 - d)/n J`` for the link graph :data:`LINKS` (column j: where page j's links lead)."""
    n = len(LINKS)
    M = Matrix.zeros(n, n)
    for page, targets in LINKS.items():
        for target in targets:
            M[target - 1, page - 1] = Rational(1, len(targets))
    return damping * M + (1 - damping) / n * ones(n, n)


def pagerank(damping):
    """The PageRank vector of :data:`LINKS`: the null space of ``G - I`` from its exact SVD, summing to 1."""
    G = google_matrix(damping)
    null = fundamental_subspaces(exactsvd.svd(G - eye(G.rows))).null
    x = null / sum(null)
    x_float = [1 / G.rows] * G.rows  # the power method in floats, for comparison
    G_float = [[float(g) for g in row] for row in G.tolist()]
    for _ in range(200):
        x_float = [sum(g * y for g, y in zip(row, x_float)) for row in G_float]
    print(f"PageRank with d = {damping}: " + ", ".join(f"page {i + 1}: {p} ~ {float(p):.4f}" for i, p in enumerate(x)))
    return {"damping": damping, "x": x, "power_method": x_float, "fixed_point": G * x == x}


def main(argv=None):
    """Tell both stories, write results.json; return the exact results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="stories", help="directory for results.json (created)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    print("== A tiny recommender ==")
    stories = {"recommender": recommender()}
    print()
    print("== PageRank of a four-page web ==")
    stories["pagerank"] = [pagerank(DAMPING), pagerank(Rational(1))]
    (out / "results.json").write_text(json.dumps(stories, default=_json, indent=2) + "\n")
    print(f"written to {out}/results.json")
    return stories


def _json(value):
    """JSON for SymPy objects: matrices as lists of rows, numbers as strings."""
    return [[str(x) for x in row] for row in value.tolist()] if isinstance(value, MatrixBase) else str(value)


if __name__ == "__main__":
    main()
