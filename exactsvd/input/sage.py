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
- ``AA``: the root of the minimal polynomial with the index found by exact
  comparison in ``AA``; ``QQbar``: real part plus ``I`` times imaginary part.
- ``RR``, ``RDF``, ``CC``, ``CDF``, ``RIF`` and other inexact rings: refused
  with :class:`~exactsvd.NotExactError` unless ``rationalize=True``, which
  reads each number as the decimal Sage prints.
"""

import sympy

from ..errors import NotExactError, UnsupportedEntryError, shorten

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
    if not ring.is_exact() and not rationalize:
        raise NotExactError(
            f"{name}: a Sage {kind} over {ring} holds floating-point numbers, which are not exact. Build it over "
            "QQ or AA (e.g. matrix(QQ, A)), pass rationalize=True to read each entry as the decimal Sage prints, "
            "or use method='numeric'."
        )
    return rows, shape


def sage_number(x, here, rationalize):
    """The exact SymPy value of the Sage element *x* (the entry at *here*)."""
    ring = x.parent()
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
        q = QQ(x)
        return sympy.Rational(int(q.numerator()), int(q.denominator()))
    algebraic = _algebraic_fields()
    if algebraic and ring in algebraic:
        return _algebraic(x, here)
    from sage.rings.number_field.number_field_base import NumberField

    if isinstance(ring, NumberField):
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


def _decimal(x, here):
    """A floating-point Sage number read as the decimal it prints as (real and imaginary parts)."""
    from .parse import parse_entry

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
    """The ``AA`` element *a* as ``sympy.rootof(minimal polynomial, index)``; the index by exact comparison."""
    from sage.rings.qqbar import AA

    f = a.minpoly()
    index = sum(1 for root in f.roots(AA, multiplicities=False) if root < a)
    return sympy.rootof(_poly(f), index)


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
    coefficients = [_rational(c) for c in x.polynomial().list()]
    return sum((c * generator**k for k, c in enumerate(coefficients) if c), sympy.Integer(0))


def _rational(q):
    return sympy.Rational(int(q.numerator()), int(q.denominator()))


def _poly(f):
    """The Sage polynomial *f* over ``QQ`` as a SymPy ``Poly`` in ``x``."""
    return sympy.Poly([_rational(c) for c in reversed(f.list())], _X)

