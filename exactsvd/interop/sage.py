"""Exact SymPy numbers and matrices of exactsvd as SageMath values (``QQ``, ``AA`` or ``QQbar``)."""

from sympy import MatrixBase

from ..input.sage import qqbar, sage_fields


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
    In a Sage session (``tests/test_sage.py`` runs this with the ``sage`` extra)::

        sage: U, S, V = exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 1]]).to_sage()
        sage: S
        [                 3                  0                  0                  0]
        [                 0 1.732050807568878?                  0                  0]
        sage: U * S * V.transpose() == matrix(QQ, [[1, 2, 1, 0], [2, 0, 1, 1]])
        True
    """
    fields = sage_fields()
    if isinstance(value, MatrixBase):
        return _matrix(value, fields)
    if isinstance(value, tuple(_result_types())):
        return tuple(_matrix(M, fields) for M in value)
    return _smallest([qqbar(value, fields)], fields)[1][0]


def _result_types():
    from ..result import SVDResult

    return (SVDResult,)


def _matrix(M, fields):
    from sage.matrix.constructor import matrix

    ring, entries = _smallest([qqbar(e, fields) for e in M], fields)
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
