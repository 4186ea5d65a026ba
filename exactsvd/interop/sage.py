"""Exact SymPy numbers and matrices of exactsvd as SageMath values (``QQ``, ``AA`` or ``QQbar``)."""

from sympy import I, Add, MatrixBase, Mul, Pow, Rational
from sympy.polys.rootoftools import ComplexRootOf

from ..errors import UnsupportedEntryError, shorten


def to_sage(value):
    """*value* in SageMath: a SymPy number, a SymPy matrix, or an :class:`~exactsvd.SVDResult`.

    Numbers become elements of ``QQ`` when rational, else of ``AA`` (real) or
    ``QQbar``, converted exactly: ``sqrt(2)`` is the ``AA`` square root of 2,
    a ``CRootOf`` the root of its polynomial in the isolating interval SymPy
    holds for it.  A matrix becomes a Sage matrix over the smallest of ``QQ``,
    ``AA`` and ``QQbar`` holding its entries; a result becomes the tuple
    ``(U, S, V)`` of Sage matrices, the shape of Sage's own ``A.SVD()``.

    Needs SageMath (a Sage session, or ``pip install passagemath-modules
    passagemath-flint passagemath-pari``); raises ``ImportError`` otherwise.

    Examples
    --------
    >>> import exactsvd
    >>> U, S, V = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]]).to_sage()  # doctest: +SKIP
    >>> S  # doctest: +SKIP
    [                 3                  0                  0                  0]
    [                 0 1.732050807568878?                  0                  0]
    """
    fields = _fields()
    if isinstance(value, MatrixBase):
        return _matrix(value, fields)
    if isinstance(value, tuple(_result_types())):
        return tuple(_matrix(M, fields) for M in value)
    return _smallest([_number(value, fields)], fields)[1][0]


def _result_types():
    from ..result import SVDResult

    return (SVDResult,)


def _fields():
    try:
        from sage.rings.qqbar import AA, QQbar
        from sage.rings.rational_field import QQ
    except ImportError as error:
        raise ImportError(
            "to_sage needs SageMath: run it inside Sage, or pip install passagemath-modules passagemath-flint "
            f"passagemath-pari ({error})"
        ) from error
    return QQ, AA, QQbar


def _matrix(M, fields):
    from sage.matrix.constructor import matrix

    ring, entries = _smallest([_number(e, fields) for e in M], fields)
    return matrix(ring, M.rows, M.cols, entries)


def _smallest(values, fields):
    """The smallest of ``QQ``, ``AA``, ``QQbar`` holding all *values* (``QQbar`` elements), and them in it."""
    QQ, AA, QQbar = fields
    if all(v.imag().is_zero() for v in values):
        real = [AA(v) for v in values]
        if all(v in QQ for v in real):
            return QQ, [QQ(v) for v in real]
        return AA, real
    return QQbar, values


def _number(e, fields):
    """The exact SymPy number *e* as a ``QQbar`` element (the tree of ``+``, ``*``, powers, roots)."""
    QQ, AA, QQbar = fields
    if e.is_Rational:
        return QQbar(_rational(e, QQ))
    if e == I:
        return QQbar.gen()
    if isinstance(e, Add):
        return sum((_number(t, fields) for t in e.args), QQbar(0))
    if isinstance(e, Mul):
        product = QQbar(1)
        for factor in e.args:
            product *= _number(factor, fields)
        return product
    if isinstance(e, Pow) and e.exp.is_Rational:
        base, p, q = _number(e.base, fields), int(e.exp.p), int(e.exp.q)
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
    f = sum(_rational(c, QQ) * x**k for k, c in enumerate(reversed(e.poly.all_coeffs())))
    box = e._get_interval()  # SymPy's isolating interval: the root is the only one inside
    if e.is_real:
        return QQbar(AA.polynomial_root(f, RIF(_rational(box.a, QQ), _rational(box.b, QQ))))
    from sage.rings.complex_interval_field import ComplexIntervalField

    rectangle = ComplexIntervalField()(RIF(_rational(box.ax, QQ), _rational(box.bx, QQ)), RIF(_rational(box.ay, QQ), _rational(box.by, QQ)))
    return QQbar.polynomial_root(f, rectangle)


def _rational(q, QQ):
    """A rational (SymPy, or the ground type's) as an element of Sage's ``QQ``."""
    q = Rational(q)
    return QQ(int(q.p)) / int(q.q)
