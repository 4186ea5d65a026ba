"""Traced outer products: ``sum over the roots of p of x(theta) y(theta)^T c(theta)``, a matrix over ``K``.

The unitary certificate (:mod:`.complex_certificate`) proves its identities
with these sums: the sum over all conjugate roots of ``p`` of ``x y^T / n``
(``x``, ``y`` vectors over ``L = K[x]/(p)``, ``n`` an eigenvector's squared
norm) is the trace form of ``L`` applied to the vectors, so no radical is ever
formed.  Over ``QQ`` the products are integer products (python-flint's when
SymPy runs on it).
"""

from operator import mul

from sympy.polys.matrices import DomainMatrix

from ..core.integers import IntegerMatrix, integer_matrix, inverse_mod, polymul


def tracer_class(K):
    """How traced outer products are formed over the field *K* of the entries (real; ``QQ``: in integers)."""
    return _IntegerTracer if K.is_QQ else _DomainTracer


class _IntegerTracer:
    """Traced outer products over ``QQ`` for one eigenvector ``w`` of squared norm ``n`` (``d > 1``).

    The weights ``1/n`` and ``1/(theta n)`` are given by their Hankel entries
    ``h_k = Tr(theta^k / n)`` (``k = 0 .. 2d-2``) and ``h_(k-1)``: one
    polynomial product of the coefficients of ``1/n`` with the power sums,
    and ``h_(-1)`` from ``p(theta) = 0`` divided by ``theta`` (one inverse in
    ``L``, not two).  ``sum over the roots of left right^T weight`` is then
    ``Cl H Cr^T`` (``H[s, t] = h[s+t]``, ``Cl``, ``Cr`` the coefficient
    matrices); ``H Cr^T`` is shared by the products that have the same
    vector (left or right) and weight.

    Examples
    --------
    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.core import decompose
    >>> d = decompose(DomainMatrix.from_Matrix(Matrix([[1, 1], [1, 0]])).convert_to(QQ))
    >>> space = d.pairs[0].space
    >>> w, norm = space.gram_vectors[0], space.norms[0]
    >>> traces = tracer_class(QQ)(space.field, norm)
    >>> traces.block(w, w, traces.inverse_norm).to_Matrix()   # V V^T = I
    Matrix([
    [1, 0],
    [0, 1]])
    """

    def __init__(self, field, norm):
        self.field = field
        d = field.degree
        inverse = inverse_mod(field.coefficients(norm), field.modulus_coefficients)
        if inverse is None:
            (z,), dz = integer_matrix([field.coefficients(field.domain.one / norm)])
        else:
            z, dz = inverse
        (sums,), ds = integer_matrix([field.power_sums])
        h = polymul(z[::-1], sums)[d - 1 : 3 * d - 2]
        (c,), _ = integer_matrix([field.modulus_coefficients])  # p = sum c[k] x^k / c[d]
        below = -sum(map(mul, c[1:], h))  # c[0] h_(-1) = -sum_(k>=1) c[k] h_(k-1)
        sign, scale = (1, c[0]) if c[0] > 0 else (-1, -c[0])
        shifted = [sign * below] + [scale * a for a in h]
        denominator = dz * ds * scale
        self.inverse_norm = (shifted[1:], denominator)
        self.inverse_partner_norm = (shifted[:-1], denominator)
        self._coefficients = {}
        self._halves = {}

    def _matrix(self, vector):
        """The coefficient matrix of *vector*, kept with the vector (so that its ``id`` stays its own)."""
        key = id(vector)
        if key not in self._coefficients:
            C, dc = integer_matrix([self.field.coefficients(a) for a in vector])
            self._coefficients[key] = (vector, IntegerMatrix(C), dc)
        return self._coefficients[key][1:]

    def block(self, left, right, weight):
        """``sum over the roots of left right^T weight`` as a ``DomainMatrix`` over ``QQ``."""
        h, dh = weight
        (Cl, dl), (Cr, dr) = self._matrix(left), self._matrix(right)
        if (id(left), id(weight)) in self._halves:  # Cl H Cr^T = (H Cl^T)^T Cr^T
            Z = self._halves[id(left), id(weight)].T * Cr.T
        else:
            if (id(right), id(weight)) not in self._halves:
                self._halves[id(right), id(weight)] = IntegerMatrix.hankel(h) * Cr.T
            Z = Cl * self._halves[id(right), id(weight)]
        D = dl * dh * dr
        K = self.field.base
        return DomainMatrix([[K(a, D) for a in row] for row in Z.to_rows()], Z.shape, K)


class _DomainTracer:
    """Traced outer products over an algebraic ``K``: the weights are elements of ``L``."""

    def __init__(self, field, norm):
        self.field = field
        self.inverse_norm = field.domain.one / norm
        self.inverse_partner_norm = self.inverse_norm / field.theta

    def block(self, left, right, weight):
        return self.field.traced_outer(left, right, weight)
