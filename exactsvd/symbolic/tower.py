"""A tower of square roots over the field of rational functions ``F = K(x, ...)``.

Every entry of a symbolic SVD lies in ``F[y_1, ..., y_k]`` with relations
``y_i^2 = d_i``, where ``d_i`` is an element of the tower below ``y_i``
(a rational function, a Gram eigenvalue ``c + h sqrt(q)``, a squared norm).
Elements are kept *reduced*: multilinear in the ``y_i`` (a dict from the set
of generators, as a bit mask, to a coefficient in ``F``), so an element that
reduces to zero is zero for every choice of the square roots that satisfies
the relations -- the proofs of :mod:`exactsvd.symbolic.verify` rest on this.
(When a radicand happens to be a square below, a non-zero reduced form may
still vanish; that can only make a proof fail, never make a false one.)

Each generator carries its SymPy form (``sqrt(x**2 + 1)``, ``Abs(x - 1)``),
used when an element becomes an expression.  With complex parameters ``F``
has ``x`` and ``conjugate(x)`` as independent generators and a conjugation;
every radicand is then real (checked), so its root is fixed by conjugation.
"""

from sympy import Abs, Add, Mul, sqrt

from ..errors import ExactSVDError


class Tower:
    """The generators ``y_i`` over ``F``, with their radicands and SymPy forms.

    Examples
    --------
    >>> from sympy import symbols
    >>> from sympy.polys.domains import QQ
    >>> x = symbols("x", real=True)
    >>> F = QQ.frac_field(x)
    >>> T = Tower(F)
    >>> r = T.root(T.base(F.from_sympy(x**2 + 1)), "sqrt")
    >>> T.expr(T.root(F.from_sympy(x - 1), "abs") * r)
    sqrt(x**2 + 1)*Abs(x - 1)
    >>> (r * r - T.base(F.from_sympy(x**2))).is_one()
    True
    >>> T.expr(r / T.base(F.from_sympy(x)))
    sqrt(x**2 + 1)/x
    """

    def __init__(self, field, to_expr=None, conjugate=None):
        self.field = field
        self.to_expr = to_expr or field.to_sympy
        self.conjugate = conjugate
        self.radicands = []
        self.forms = []
        self.raw_forms = []
        self._known = {}

    def base(self, a):
        """The element *a* of ``F``."""
        return Element(self, {0: a} if a else {})

    def one(self):
        return self.base(self.field.one)

    def zero(self):
        return Element(self, {})

    def root(self, radicand, kind, form=None):
        """The generator ``y`` with ``y^2 = radicand`` (one per radicand); *kind* ``"sqrt"`` or ``"abs"``.

        ``"abs"`` is for ``radicand = g^2`` with ``g`` in ``F``: ``y = |g|``,
        shown as ``Abs(g)``; *radicand* is then ``g`` itself.  With *form* ``f``
        (complex fields) it is ``y = |f|`` for ``radicand = f conj(f)``.
        """
        if kind == "abs":
            shown = radicand if form is None else form
            square = self.base(radicand * radicand if form is None else radicand)
            key = ("abs", shown)
            form, raw = Abs(self.to_expr(shown)), Abs(self.field.to_sympy(shown))
        else:
            key, square = ("sqrt", radicand.key()), radicand
            form, raw = sqrt(self.expr(radicand)), sqrt(self.expr(radicand, raw=True))
        if key not in self._known:
            if self.conjugate is not None and self.conjugate_element(square).key() != square.key():
                raise ExactSVDError("internal error: a radicand that is not real; please report this matrix")
            self.radicands.append(square)
            self.forms.append(form)
            self.raw_forms.append(raw)
            self._known[key] = Element(self, {1 << (len(self.radicands) - 1): self.field.one})
        return self._known[key]

    def conjugate_element(self, a):
        """The complex conjugate of *a* (complex fields): coefficients conjugated, the real generators kept."""
        if self.conjugate is None:
            return a
        return Element(self, {m: self.conjugate(c) for m, c in a.terms.items()})

    def expr(self, a, raw=False):
        """The SymPy expression of the element *a* (*raw*: in the generators of ``F``, not mapped back)."""
        forms, convert = (self.raw_forms, self.field.to_sympy) if raw else (self.forms, self.to_expr)
        terms = []
        for mask, c in sorted(a.terms.items()):
            factors = [forms[i] for i in range(mask.bit_length()) if mask >> i & 1]
            terms.append(Mul(convert(c), *factors))
        return Add(*terms)


class Element:
    """A reduced element of a :class:`Tower`: ``{mask: coefficient in F}``."""

    __slots__ = ("tower", "terms")

    def __init__(self, tower, terms):
        self.tower = tower
        self.terms = terms

    def key(self):
        return tuple(sorted(self.terms.items(), key=lambda item: item[0]))

    def _lift(self, other):
        if isinstance(other, Element):
            return other
        return self.tower.base(self.tower.field.convert(other))

    def __add__(self, other):
        terms = dict(self.terms)
        for mask, c in self._lift(other).terms.items():
            total = terms.get(mask, self.tower.field.zero) + c
            if total:
                terms[mask] = total
            else:
                terms.pop(mask, None)
        return Element(self.tower, terms)

    __radd__ = __add__

    def __neg__(self):
        return Element(self.tower, {m: -c for m, c in self.terms.items()})

    def __sub__(self, other):
        return self + (-self._lift(other))

    def __rsub__(self, other):
        return self._lift(other) - self

    def __mul__(self, other):
        other = self._lift(other)
        tower = self.tower
        result = tower.zero()
        for m1, c1 in self.terms.items():
            for m2, c2 in other.terms.items():
                term = Element(tower, {m1 ^ m2: c1 * c2})
                common = m1 & m2
                i = 0
                while common:
                    if common & 1:
                        term = term * tower.radicands[i]
                    common >>= 1
                    i += 1
                result = result + term
        return result

    __rmul__ = __mul__

    def inverse(self):
        """``1 / self``: ``(P - Q y)/(P^2 - Q^2 d)`` for the highest generator ``y`` of ``self = P + Q y``."""
        if not self.terms:
            raise ZeroDivisionError("division by zero in the tower of square roots")
        top = max(self.terms).bit_length() - 1
        if top < 0:
            return self.tower.base(self.tower.field.one / self.terms[0])
        bit = 1 << top
        P = Element(self.tower, {m: c for m, c in self.terms.items() if not m & bit})
        Q = Element(self.tower, {m ^ bit: c for m, c in self.terms.items() if m & bit})
        norm = P * P - Q * Q * self.tower.radicands[top]
        if not norm.terms:
            raise ExactSVDError("internal error: a zero divisor in the tower of square roots; please report this matrix")
        y = Element(self.tower, {bit: self.tower.field.one})
        return (P - Q * y) * norm.inverse()

    def __truediv__(self, other):
        return self * self._lift(other).inverse()

    def __rtruediv__(self, other):
        return self._lift(other) * self.inverse()

    def __bool__(self):
        return bool(self.terms)

    def is_one(self):
        return set(self.terms) == {0} and self.terms[0] == self.tower.field.one

    def in_base(self):
        """The coefficient in ``F`` when the element has no generator, else ``None``."""
        if not self.terms:
            return self.tower.field.zero
        return self.terms[0] if set(self.terms) == {0} else None
