"""``D(i) = D[y]/(y^2 + 1)``: complex numbers over a real field, with conjugation.

``D`` is the field of the real parts: ``QQ``, a real algebraic field ``QQ<alpha>``
(SymPy domains) or an eigenvalue field ``L = K[x]/(p)``
(:class:`~exactsvd.core.numberfield.RelativeField`) whose embeddings are all
real.  An element is a pair ``(re, im)`` over ``D``; complex conjugation is
the automorphism ``i -> -i``.  Because every embedding of ``D`` is real,
``re^2 + im^2`` vanishes only for 0, so ``D(i)`` is a field and the Hermitian
inner product ``x^H y`` of non-zero vectors gives positive squared norms in ``D``.

Products of an element over ``L`` with one over ``K`` (its subfield) work
when the element over ``L`` is on the left.
"""


class GaussianField:
    """The field ``D(i)`` over the real field *base*.

    Examples
    --------
    >>> from sympy.polys.domains import QQ
    >>> F = GaussianField(QQ)
    >>> z = F(QQ(1), QQ(2))
    >>> z * z.conjugate() == F.convert(5)
    True
    >>> [str(a) for a in (F.one / z).parts()]
    ['1/5', '-2/5']
    """

    def __init__(self, base):
        self.base = base
        self.zero = Gaussian(base.zero, base.zero)
        self.one = Gaussian(base.one, base.zero)

    def __call__(self, re, im):
        return Gaussian(re, im)

    def convert(self, value):
        """A real value (an element of *base*, or an int) as an element of ``D(i)``."""
        return Gaussian(self.base.convert(value), self.base.zero)


class Gaussian:
    """``re + i im`` with ``re``, ``im`` in a real field."""

    __slots__ = ("re", "im")

    def __init__(self, re, im):
        self.re = re
        self.im = im

    def parts(self):
        return self.re, self.im

    def conjugate(self):
        return Gaussian(self.re, -self.im)

    def abs_squared(self):
        """``|z|^2 = re^2 + im^2``, an element of the real field."""
        return self.re * self.re + self.im * self.im

    def __add__(self, other):
        return Gaussian(self.re + other.re, self.im + other.im)

    def __sub__(self, other):
        return Gaussian(self.re - other.re, self.im - other.im)

    def __neg__(self):
        return Gaussian(-self.re, -self.im)

    def __mul__(self, other):
        if not isinstance(other, Gaussian):
            return Gaussian(self.re * other, self.im * other)
        return Gaussian(self.re * other.re - self.im * other.im, self.re * other.im + self.im * other.re)

    def real_divide(self, real):
        """``self / real`` for a non-zero element of the real field."""
        return Gaussian(self.re / real, self.im / real)

    def __truediv__(self, other):
        if not isinstance(other, Gaussian):
            return self.real_divide(other)
        if not other:
            raise ZeroDivisionError("division by zero in a complex field")
        return (self * other.conjugate()).real_divide(other.abs_squared())

    def __bool__(self):
        return bool(self.re) or bool(self.im)

    def __eq__(self, other):
        return self.re == other.re and self.im == other.im

    __hash__ = None

    def __repr__(self):
        return f"Gaussian({self.re!r}, {self.im!r})"


def hermitian_dot(u, v, field):
    """``u^H v = sum conj(u_k) v_k``."""
    total = field.zero
    for a, b in zip(u, v):
        total += a.conjugate() * b
    return total


def squared_norm(u, base):
    """``u^H u``, an element of the real field *base*."""
    total = base.zero
    for a in u:
        total += a.abs_squared()
    return total


def hermitian_gram_schmidt(vectors, field):
    """Orthogonalise *vectors* in order for the Hermitian inner product, without normalising.

    ``w_k = v_k - sum_j (w_j^H v_k / w_j^H w_j) w_j``; returns the ``w_k`` and
    their squared norms (real).
    """
    orthogonal, norms = [], []
    for vector in vectors:
        w = list(vector)
        for previous, norm in zip(orthogonal, norms):
            coefficient = hermitian_dot(previous, vector, field).real_divide(norm)
            w = [a - b * coefficient for a, b in zip(w, previous)]
        orthogonal.append(w)
        norms.append(squared_norm(w, field.base))
    return orthogonal, norms


def phase_normalised(vector, lead, norm, field):
    """The phase rule: *vector* times ``conj(lead)`` and its squared norm times ``|lead|^2``.

    With *lead* the first non-zero entry of the vector that rule 8 looks at,
    the unit vector ``vector * conj(lead) / sqrt(|lead|^2 norm)`` has that entry
    real and positive (it becomes ``|lead|^2``) at every root of the field, so
    the rule needs no sign decision.  A lead of 1 leaves the vector as it is.
    """
    if lead == field.one:
        return list(vector), norm
    phase = lead.conjugate()
    return [a * phase for a in vector], norm * lead.abs_squared()
