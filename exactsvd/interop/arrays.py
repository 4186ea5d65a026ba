"""``U``, ``S``, ``V`` of a result as NumPy arrays."""


def to_numpy(result):
    """The factors ``(U, S, V)`` of *result* as NumPy arrays, NumPy's ``numpy.linalg.svd`` types.

    ``float64`` arrays, or ``complex128`` when the matrix is complex.  The
    values of an exact result are its certified decimals
    (:meth:`~exactsvd.SVDResult.evalf` with 17 digits) rounded to the nearest
    double, so every entry is the float closest to the exact number (up to one
    rounding of the 17th digit); numeric results convert their digits.
    Note that ``V`` is returned, not NumPy's ``Vh``: ``A ≈ U @ S @ V.T``.

    Examples
    --------
    >>> import pytest; _ = pytest.importorskip("numpy")  # needs NumPy (the fast extra)
    >>> import exactsvd
    >>> U, S, V = exactsvd.svd([[3, 0], [4, 5]]).to_numpy()
    >>> S.dtype, S.round(6).tolist()
    (dtype('float64'), [[6.708204, 0.0], [0.0, 2.236068]])
    >>> bool(abs(U @ S @ V.T - [[3, 0], [4, 5]]).max() < 1e-14)
    True
    """
    import numpy

    complex_entries = any(not entry.is_extended_real for entry in result.matrix)
    dtype = numpy.complex128 if complex_entries else numpy.float64
    source = result.evalf(17) if result.method == "exact" else result
    convert = complex if complex_entries else float
    return tuple(
        numpy.array([[convert(M[i, j]) for j in range(M.cols)] for i in range(M.rows)], dtype=dtype).reshape(M.shape)
        for M in source
    )
