"""Matrices, vectors and numbers from a SageMath session, converted exactly.

Sage is never imported here unless the user already handed over a Sage object
(then it is loaded, so importing it costs nothing).  Objects are recognised by
duck typing: their type comes from a ``sage.`` module and they have a
``parent()``.

- ``ZZ``, ``QQ``: exact rationals.
- Number fields with an embedding (``QuadraticField(2)``, ``QQ[sqrt(2)]``,
  ``NumberField(f, 'a', embedding=...)``): the element's polynomial in the
  generator, the generator as the root of its minimal polynomial that the
  embedding picks (``sympy.rootof``, so ``sqrt(2)`` or ``2**(1/3)`` where
  SymPy writes it so, else ``CRootOf``).  A field without an embedding has no
  values and is refused.
- ``AA``: a real radical where SymPy's root formulas give one (checked equal
  in ``QQbar``), else the root of the minimal polynomial (``CRootOf``) with the
  index found by exact comparison in ``AA``; ``QQbar``: real part plus ``I``
  times imaginary part.
- The symbolic ring ``SR`` (``matrix([[1, sqrt(2)]])`` in a Sage session):
  each entry's own ``_sympy_()``, then checked like any SymPy entry (a float
  in it is refused, ``pi`` is not algebraic).
- ``RR``, ``RDF``, ``CC``, ``CDF``, ``RIF`` and other inexact rings: refused
  with :class:`~exactsvd.NotExactError` unless ``rationalize=True``, which
  reads each number as the decimal Sage prints.

:func:`qqbar` goes the other way (SymPy number to ``QQbar``), for
:func:`exactsvd.interop.to_sage` and for that check.
"""

import sympy
from sympy.polys.rootoftools import ComplexRootOf

from ..errors import NotExactError, UnsupportedEntryError, shorten
from .parse import parse_entry

_X = sympy.Symbol("x")


def is_sage(obj):
    """Whether *obj* is a SageMath object (duck typing: a ``sage.`` type with a ``parent()``)."""
    return type(obj).__module__.startswith("sage.") and callable(getattr(obj, "parent", None))


def sage_rows(A, name, rationalize):
    """The rows and shape of a Sage matrix, or of a Sage vector read as a column; ``None`` for other objects."""
    if not (is_sage(A) and callable(getattr(A, "base_ring", None))):
        return None
    if callable(getattr(A, "nrows", None)) and callable(getattr(A, "rows", None)):
        kind, shape, rows = "matrix", (A.nrows(), A.ncols()), [list(row) for row in A.rows()]
    elif callable(getattr(A, "degree", None)) and callable(getattr(A, "list", None)):
        kind, shape, rows = "vector", (A.degree(), 1), [[x] for x in A.list()]
    else:
        return None
    ring = A.base_ring()
    if not ring.is_exact() and not _is_symbolic(ring) and not rationalize:
        raise NotExactError(
            f"{name}: a Sage {kind} over {ring} holds floating-point numbers, which are not exact. Build it over "
            "QQ or AA (e.g. matrix(QQ, A)), pass rationalize=True to read each entry as the decimal Sage prints, "
            "or use method='numeric'."
        )
    return rows, shape


def sage_number(x, here, rationalize):
    """The exact SymPy value of the Sage element *x* (the entry at *here*)."""
    ring = x.parent()
    if _is_symbolic(ring):  # matrix([[1, sqrt(2)]]) in Sage: SymPy reads it, the input layer checks it
        return x._sympy_()
    if not ring.is_exact():
        if not rationalize:
            raise NotExactError(
                f"{here}: {shorten(x)} lies in {ring}, which is floating point, not exact. Pass rationalize=True "
                "to read it as the decimal Sage prints, use method='numeric', or give it over QQ or AA."
            )
        return _decimal(x, here)
    from sage.rings.integer_ring import ZZ
    from sage.rings.rational_field import QQ

    if ring is ZZ or ring is QQ:
        return _sympy_rational(QQ(x))
    algebraic = _algebraic_fields()
    if algebraic and ring in algebraic:
        return _algebraic(x, here)
    if _is_number_field(ring):
        return _number_field_element(x, here)
    raise UnsupportedEntryError(
        f"{here}: {shorten(x)} lies in {ring}; exactsvd reads Sage numbers over ZZ, QQ, number fields with an "
        "embedding, AA and QQbar. Convert the matrix to one of them, e.g. matrix(AA, A)."
    )


def _algebraic_fields():
    """``(AA, QQbar)``, or ``()`` when this Sage has no algebraic fields (then no element can lie in them)."""
    try:
        from sage.rings.qqbar import AA, QQbar
    except ImportError:
        return ()
    return AA, QQbar


def _is_symbolic(ring):
    """Sage's symbolic ring ``SR`` (not exact as a ring, but ``sqrt(2)`` in it is exact)."""
    return type(ring).__module__.startswith("sage.symbolic")


def _is_number_field(ring):
    try:
        from sage.rings.number_field.number_field_base import NumberField
    except ImportError:  # a Sage without number fields (passagemath-modules alone)
        return False
    return isinstance(ring, NumberField)


def _decimal(x, here):
    """A floating-point Sage number read as the decimal it prints as (real and imaginary parts)."""
    parts = (x.real(), x.imag()) if callable(getattr(x, "imag", None)) else (x, 0)
    real, imag = (parse_entry(str(part), here) if part else sympy.Integer(0) for part in parts)
    return real + imag * sympy.I


def _algebraic(x, here):
    """An element of ``AA`` or ``QQbar``: a real root, or real part plus ``I`` times the imaginary part."""
    from sage.rings.qqbar import AA

    if x.imag().is_zero():
        return _real_root(AA(x))
    return _real_root(AA(x.real())) + _real_root(AA(x.imag())) * sympy.I


def _real_root(a):
    """The ``AA`` element *a* exactly: a real radical where SymPy's formulas give one, else a ``CRootOf``.

    Rationals come out as rationals, degree 2 (and ``x^n - c``) as radicals from
    ``sympy.rootof``; for degrees 3 and 4 the real root formulas of ``sympy.roots`` are denested
    and the one equal to *a* (an exact comparison in ``QQbar``) is taken, so
    ``AA(2).sqrt() + AA(3).sqrt()`` is ``sqrt(2) + sqrt(3)``.  Otherwise
    ``CRootOf(f, k)``, *k* the index of SymPy's isolating interval that holds
    *a* (decided by exact comparisons with its rational end points).
    """
    poly = _poly(a.minpoly())
    if poly.degree() == 1:
        return -poly.nth(0) / poly.nth(1)
    # SymPy's disjoint isolating intervals of the real roots, ascending; a lies in exactly one (exact comparisons)
    fields = sage_fields()
    index = next(k for k, ((low, high), _) in enumerate(poly.intervals()) if _within(a, low, high, fields[0]))
    root = sympy.rootof(poly, index)
    if isinstance(root, ComplexRootOf) and poly.degree() <= 4:
        return _radical(a, poly) or root
    return root


def _within(a, low, high, QQ):
    return _sage_rational(low, QQ) <= a <= _sage_rational(high, QQ)


def _radical(a, poly):
    """The real radical among SymPy's formulas for the roots of *poly* that equals *a*, or ``None``."""
    fields = sage_fields()
    for candidate in sympy.roots(poly, multiple=True):
        if not candidate.has(sympy.I):
            candidate = sympy.sqrtdenest(candidate)
            if qqbar(candidate, fields) == a:
                return candidate
    return None


def _number_field_element(x, here):
    """The number-field element *x* as its polynomial in the generator, the generator placed by the embedding."""
    field = x.parent()
    if not field.is_absolute():
        raise UnsupportedEntryError(
            f"{here}: {shorten(x)} lies in the relative number field {field}; give its matrix over the absolute "
            "field (K.absolute_field('b')) or over AA / QQbar."
        )
    if field.coerce_embedding() is None:
        raise UnsupportedEntryError(
            f"{here}: {shorten(x)} lies in {field}, which has no embedding into the real or complex numbers, so "
            "its value is not determined. Give the field an embedding, e.g. NumberField(x^2 - 2, 'a', "
            "embedding=1.4), or use QuadraticField(2) or AA."
        )
    from sage.rings.qqbar import QQbar

    generator = _algebraic(QQbar(field.gen()), here)
    coefficients = [_sympy_rational(c) for c in x.polynomial().list()]
    return sum((c * generator**k for k, c in enumerate(coefficients) if c), sympy.Integer(0))


def _sympy_rational(q):
    """A Sage rational as a SymPy ``Rational``."""
    return sympy.Rational(int(q.numerator()), int(q.denominator()))


def _poly(f):
    """The Sage polynomial *f* over ``QQ`` as a SymPy ``Poly`` in ``x``."""
    return sympy.Poly([_sympy_rational(c) for c in reversed(f.list())], _X)


def sage_fields():
    """Sage's ``(QQ, AA, QQbar)``; ``ImportError`` with the install hint when Sage is missing."""
    try:
        from sage.rings.qqbar import AA, QQbar
        from sage.rings.rational_field import QQ
    except ImportError as error:
        raise ImportError(
            "this needs SageMath: run it inside Sage, or pip install passagemath-modules passagemath-flint "
            f"passagemath-pari ({error})"
        ) from error
    return QQ, AA, QQbar


def qqbar(e, fields):
    """The exact SymPy number *e* as a ``QQbar`` element (the tree of ``+``, ``*``, powers, roots)."""
    QQ, AA, QQbar = fields
    if e.is_Rational:
        return QQbar(_sage_rational(e, QQ))
    if e == sympy.I:
        return QQbar.gen()
    if isinstance(e, sympy.Add):
        return sum((qqbar(t, fields) for t in e.args), QQbar(0))
    if isinstance(e, sympy.Mul):
        product = QQbar(1)
        for factor in e.args:
            product *= qqbar(factor, fields)
        return product
    if isinstance(e, sympy.Pow) and e.exp.is_Rational:
        base, p, q = qqbar(e.base, fields), int(e.exp.p), int(e.exp.q)
        return base**p if q == 1 else base ** QQ((p, q))
    if isinstance(e, ComplexRootOf):
        return _root(e, fields)
    raise UnsupportedEntryError(f"to_sage: {shorten(e)} is not an algebraic number exactsvd can hand to Sage.")


def _root(e, fields):
    """A ``CRootOf`` as the root of its polynomial in its isolating interval (a rectangle when complex)."""
    from sage.rings.polynomial.polynomial_ring_constructor import PolynomialRing
    from sage.rings.real_mpfi import RIF

    QQ, AA, QQbar = fields
    x = PolynomialRing(QQ, "x").gen()
    f = sum(_sage_rational(c, QQ) * x**k for k, c in enumerate(reversed(e.poly.all_coeffs())))
    box = e._get_interval()  # SymPy's isolating interval: the root is the only one inside
    if e.is_real:
        return QQbar(AA.polynomial_root(f, RIF(_sage_rational(box.a, QQ), _sage_rational(box.b, QQ))))
    from sage.rings.complex_interval_field import ComplexIntervalField

    (ax, ay), (bx, by) = box.as_tuple()  # the corners of the rectangle
    real, imag = (RIF(_sage_rational(low, QQ), _sage_rational(high, QQ)) for low, high in ((ax, bx), (ay, by)))
    rectangle = ComplexIntervalField()(real, imag)
    return QQbar.polynomial_root(f, rectangle)


def _sage_rational(q, QQ):
    """A rational (SymPy, or the ground type's) as an element of Sage's ``QQ``."""
    q = sympy.Rational(q)
    return QQ(int(q.p)) / int(q.q)
