"""The spectrum of the Gram matrix: characteristic polynomial, factors, ordered roots."""

from dataclasses import dataclass

from sympy import Poly, Symbol

from .eigenfield import EigenField
from .embedding import Embedding, RealRoot, polynomial_enclosure
from .integers import domain_product
from .isolation import isolate_real_roots


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
        Monic factors, irreducible over the field of the entries, with
        multiplicities (including ``x`` for the eigenvalue 0).
    eigenvalues : tuple of Eigenvalue
        The non-zero eigenvalues, descending.
    embedding : Embedding
        The real embedding of the field of the entries.
    """

    side: str
    partner: object
    gram: object
    charpoly: object
    factors: list
    eigenvalues: tuple
    embedding: Embedding

    @property
    def rank(self):
        """Number of non-zero singular values, counted with multiplicity."""
        return sum(e.multiplicity for e in self.eigenvalues)


def gram_side(shape):
    """``"right"`` (use ``A^T A``) unless ``A A^T`` is smaller."""
    m, n = shape
    return "right" if n <= m else "left"


def spectrum(matrix):
    """The exact spectrum of the smaller Gram matrix of a ``DomainMatrix``.

    Examples
    --------
    >>> from sympy.polys.matrices import DomainMatrix
    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> A = DomainMatrix.from_Matrix(Matrix([[3, 0], [4, 5]])).convert_to(QQ)
    >>> s = spectrum(A)
    >>> [e.field.root_expr(e.root) for e in s.eigenvalues]
    [45, 5]
    """
    side = gram_side(matrix.shape)
    partner = matrix if side == "right" else matrix.transpose()
    gram = domain_product(partner.transpose(), partner)
    K = matrix.domain
    x = Symbol("x")
    charpoly = Poly(gram.charpoly(), x, domain=K)
    _, factors = charpoly.factor_list()
    factors = [(f.monic(), e) for f, e in factors]
    nonzero = [(f, e) for f, e in factors if f != Poly(x, x, domain=K)]
    embedding = Embedding(K)
    eigenvalues = _ordered_roots(nonzero, embedding)
    return Spectrum(side, partner, gram, charpoly, factors, eigenvalues, embedding)


def _ordered_roots(factors, embedding):
    """Every root of the *factors*, as :class:`Eigenvalue`, in descending order.

    The real roots of the minimal polynomials over ``QQ`` are isolated by
    disjoint, sorted rational intervals, so the order is proved, not
    estimated.  Over an algebraic field a minimal polynomial also has the
    roots of the conjugate factors; each root is given to the factor whose
    interval enclosure still contains 0 once every other candidate is
    excluded and every factor of degree ``d`` has its ``d`` roots.
    """
    if not factors:
        return ()
    minimal = [_minimal_polynomial(f) for f, _ in factors]
    distinct = list(dict.fromkeys(minimal))
    found = _isolate(distinct, factors[0][0].domain.is_QQ)
    counters = [0] * len(distinct)
    roots = []
    for interval, owners in found:
        (i,) = owners
        roots.append(RealRoot(distinct[i], interval, counters[i]))
        counters[i] += 1
    owner = _assign_roots(factors, minimal, roots, distinct, embedding)
    per_factor = {i: [] for i in range(len(factors))}
    order = []
    for root, i in zip(roots, owner):
        if i is not None:
            order.append((i, len(per_factor[i])))
            per_factor[i].append(root)
    fields = [EigenField(f, embedding, per_factor[i]) for i, (f, _) in enumerate(factors)]
    return tuple(Eigenvalue(fields[i], j, factors[i][1]) for i, j in reversed(order))


def _isolate(polys, all_real):
    """Disjoint isolating intervals of the real roots of *polys* (over ``QQ``), ascending.

    Rational roots of linear factors need no isolation; :func:`.isolation.isolate_real_roots`
    isolates the rest (*all_real*: the polynomials are factors of the characteristic
    polynomial of a symmetric rational matrix).
    """
    if all(p.degree() == 1 for p in polys):
        roots = sorted((-p.nth(0) / p.nth(1), i) for i, p in enumerate(polys))
        return [((r, r), {i: 1}) for r, i in roots]
    return isolate_real_roots(polys, all_real)


def _minimal_polynomial(factor):
    """The monic minimal polynomial over ``QQ`` of the roots of an irreducible factor."""
    if factor.domain.is_QQ:
        return factor
    norm = factor.norm()
    (minimal, _), = norm.factor_list()[1]
    return minimal.monic()


def _assign_roots(factors, minimal, roots, distinct, embedding):
    """For each real root, the index of the factor it is a root of (``None``: a conjugate's root)."""
    candidates = [[i for i, f in enumerate(minimal) if f == distinct_poly] for distinct_poly in (r.poly for r in roots)]
    if all(len(c) == 1 for c in candidates) and factors[0][0].domain.is_QQ:
        return [c[0] for c in candidates]
    coeffs = [f.rep.to_list()[::-1] for f, _ in factors]
    while True:
        live = [
            [i for i in c if polynomial_enclosure(coeffs[i], root.interval(), embedding.enclose).sign() is None]
            for c, root in zip(candidates, roots)
        ]
        counts = [sum(1 for c in live if c == [i]) for i in range(len(factors))]
        if all(len(c) <= 1 for c in live) and counts == [f.degree() for f, _ in factors]:
            return [c[0] if c else None for c in live]
        for root in roots:
            root.refine()
        embedding.refine()
