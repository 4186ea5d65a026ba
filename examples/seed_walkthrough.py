"""The SVD of the SageMath blog's matrix, worked the hand way, step by step.

The matrix ``A = [[1, 2, 1, 0], [2, 0, 1, 1]]`` is the classic blog example of
an SVD "by hand".  This script follows the same steps a student writes down
-- Gram matrix, characteristic polynomial, eigenvalues, singular values,
singular vectors, completion by a kernel, final check -- using plain SymPy for
each displayed hand step and the public API of exactsvd for the answer.  At
every step the two are compared, so the script is also a small proof that the
library does what the hand method does.

Run it from the repository root::

    python examples/seed_walkthrough.py
"""

import sys
from pathlib import Path

import sympy
from sympy import Matrix, Symbol, eye, sqrt

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

#: The SageMath blog's matrix.
A = Matrix([[1, 2, 1, 0], [2, 0, 1, 1]])


def heading(number, title):
    """Print a numbered section heading."""
    text = f"{number}. {title}"
    print()
    print(text)
    print("=" * len(text))


def show(name, value):
    """Print ``name =`` and then *value* (matrices drawn in ASCII, other values as text)."""
    if isinstance(value, sympy.MatrixBase):
        print(f"{name} =")
        print(sympy.pretty(value, use_unicode=False))
    else:
        print(f"{name} = {value}")


def hand_unit_vector(w):
    """*w* divided by its length, first non-zero entry made positive (the sign rule)."""
    lead = next(x for x in w if x != 0)
    return w * sympy.sign(lead) / sqrt(w.dot(w))


def main():
    """Work the example, printing every step; return the exactsvd result."""
    m, n = A.shape
    r = exactsvd.svd(A)
    U, S, V = r

    heading(1, "The matrix A (2 x 4) and its transpose")
    show("A", A)
    show("A^T", A.T)

    heading(2, "The Gram matrix: A A^T, the smaller one")
    print("A^T A is 4 x 4 but A A^T is only 2 x 2.  Both have the same non-zero eigenvalues")
    print("(if A^T A v = lambda v with lambda != 0, then A A^T (A v) = lambda (A v)), so the")
    print("hand method uses the smaller one: a quadratic instead of a quartic polynomial.")
    gram = A * A.T
    show("A A^T", gram)
    show("A^T A", A.T * A)

    heading(3, "Its characteristic polynomial and eigenvalues")
    lam = Symbol("lambda")
    charpoly = gram.charpoly(lam).as_expr()
    show("det(A A^T - lambda I)", charpoly)
    show("factored", sympy.factor(charpoly))
    eigenvalues = sorted(sympy.roots(charpoly, lam), reverse=True)
    print("Eigenvalues (descending): " + ", ".join(map(str, eigenvalues)))

    heading(4, "The singular values: square roots of the eigenvalues")
    hand_values = [sqrt(e) for e in eigenvalues]
    print("By hand: " + ", ".join(f"sqrt({e}) = {s}" for e, s in zip(eigenvalues, hand_values)))
    print("Singular values: " + ", ".join(map(str, r.singular_values)))
    assert list(r.singular_values) == hand_values
    show("S (2 x 4)", S)

    heading(5, "U: unit eigenvectors of A A^T")
    print("Because m < n the Gram matrix is A A^T, so its eigenvectors are the left")
    print("singular vectors u_i; the kernel of A A^T - lambda I in reduced row echelon form:")
    hand_u = []
    for e in eigenvalues:
        (w,) = (gram - e * eye(m)).nullspace()
        print(f"  lambda = {e}: rref basis vector {list(w)}, unit vector {list(w / sqrt(w.dot(w)))}")
        hand_u.append(w / sqrt(w.dot(w)))
    print("The sign of each u_i follows its partner v_i, whose first non-zero entry must be positive.")
    show("U (from exactsvd)", U)

    heading(6, "V: v_i = A^T u_i / s_i, then completed to 4 columns")
    for i, (u, s) in enumerate(zip(hand_u, hand_values)):
        v = A.T * u / s
        lead = next(x for x in v if x != 0)
        action = "positive: keep the signs" if lead > 0 else "negative: flip v_i and u_i"
        v, u = (v, u) if lead > 0 else (-v, -u)
        print(f"  v_{i + 1} = A^T u_{i + 1} / {s} = {list(v)}   (first entry {action})")
        assert sympy.simplify(v - V[:, i]).is_zero_matrix and sympy.simplify(u - U[:, i]).is_zero_matrix
    show("V (from exactsvd)", V)

    heading(7, "Completing U and V: the left kernel and the kernel of A")
    left_kernel = A.T.nullspace()
    print(f"Left kernel of A (null space of A^T): {[list(w) for w in left_kernel]}")
    print(f"  rank A = {r.rank} = m, so the left kernel is {{0}} and U needs no completion.")
    kernel = A.nullspace()
    print("Kernel of A, reduced row echelon basis: " + ", ".join(str(list(w)) for w in kernel))
    orthogonal = sympy.GramSchmidt(kernel)
    print("After Gram-Schmidt: " + ", ".join(str(list(w)) for w in orthogonal))
    for j, w in enumerate(orthogonal):
        unit = hand_unit_vector(w)
        print(f"  v_{r.rank + j + 1} = {list(unit)}")
        assert sympy.simplify(unit - V[:, r.rank + j]).is_zero_matrix
    print(f"These are the last {n - r.rank} columns of V.")

    heading(8, "The final check")
    product = sympy.simplify(U * S * V.T)
    show("U S V^T", product)
    print(f"U S V^T == A: {product == A}")
    print(f"U^T U == I: {sympy.simplify(U.T * U) == eye(m)}")
    print(f"V^T V == I: {sympy.simplify(V.T * V) == eye(n)}")
    print(f"r.verify() (exact proof, no simplify): {r.verify()}")
    return r


if __name__ == "__main__":
    main()
