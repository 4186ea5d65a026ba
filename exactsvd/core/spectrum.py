"""The spectrum of the Gram matrix: characteristic polynomial, factors, ordered roots."""

from dataclasses import dataclass

from sympy import Poly, Symbol, intervals
from sympy.polys.domains import QQ

from .eigenfield import EigenField


@dataclass(frozen=True)
class Eigenvalue:
    """One non-zero eigenvalue of the Gram matrix: root number *root* of *field*."""

    field: EigenField
    root: int
    multiplicity: int


@dataclass(frozen=True)
class Spectrum:
    """The Gram matrix of the smaller side of ``A`` and its exact spectrum.

    Attributes
    ----------
    side : str
        ``"right"`` when the Gram matrix is ``A^T A`` (its eigenvectors are the
        right singular vectors), ``"left"`` when it is ``A A^T``.
    partner : DomainMatrix
        The matrix ``B`` with ``Gram = B^T B`` (``A`` or ``A^T``).
    gram : DomainMatrix
    charpoly : Poly
    factors : list of (Poly, int)
        Monic irreducible factors with multiplicities (including ``x`` for 0).
    eigenvalues : tuple of Eigenvalue
        The non-zero eigenvalues, descending.
    """

    side: str
    partner: object
    gram: object
    charpoly: object
    factors: list
    eigenvalues: tuple

    @property
    def rank(self):
        """Number of non-zero singular values, counted with multiplicity."""
        return sum(e.multiplicity for e in self.eigenvalues)


def gram_side(shape):
    """``"right"`` (use ``A^T A``) unless ``A A^T`` is smaller."""
    m, n = shape
    return "right" if n <= m else "left"


def spectrum(matrix):
    """The exact spectrum of the smaller Gram matrix of a ``DomainMatrix`` over ``QQ``.

    Examples
    --------
    >>> from sympy.polys.matrices import DomainMatrix
    >>> from sympy import Matrix
    >>> A = DomainMatrix.from_Matrix(Matrix([[3, 0], [4, 5]])).convert_to(QQ)
    >>> s = spectrum(A)
    >>> [e.field.root_expr(e.root) for e in s.eigenvalues]
    [45, 5]
    """
    side = gram_side(matrix.shape)
    partner = matrix if side == "right" else matrix.transpose()
    gram = partner.transpose() * partner
    x = Symbol("x")
    charpoly = Poly(gram.charpoly(), x, domain=QQ)
    _, factors = charpoly.factor_list()
    factors = [(f.monic(), e) for f, e in factors]
    nonzero = [(f, e) for f, e in factors if f != Poly(x, x, domain=QQ)]
    eigenvalues = _ordered_roots(nonzero)
    return Spectrum(side, partner, gram, charpoly, factors, eigenvalues)


def _ordered_roots(factors):
    """Every root of the *factors*, as :class:`Eigenvalue`, in descending order.

    The isolating intervals of all factors together are disjoint and sorted
    (exact rational arithmetic), so the order is proved, not estimated.
    """
    if not factors:
        return ()
    found = intervals([f for f, _ in factors])
    per_factor = {i: [] for i in range(len(factors))}
    order = []
    for interval, owners in found:
        (i,) = owners
        order.append((i, len(per_factor[i])))
        per_factor[i].append(interval)
    fields = [EigenField(f, per_factor[i]) for i, (f, _) in enumerate(factors)]
    return tuple(Eigenvalue(fields[i], root, factors[i][1]) for i, root in reversed(order))
