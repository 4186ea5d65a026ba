"""NumPy arrays, pandas ``DataFrame`` objects and other array-likes, read without importing either library.

Recognised by duck typing: an array has ``dtype``, ``shape`` and ``tolist()``;
a ``DataFrame`` also has ``columns`` and ``iloc``; an object with only
``__array__`` goes through ``numpy.asarray`` (NumPy is imported then, as the
object already speaks it).  Integer, object and string arrays are exact; float
and complex arrays are floating point, refused on the exact path unless
``rationalize=True`` (``method="numeric"`` always reads them).
"""

from ..errors import ExactSVDError, InvalidMatrixError, NotExactError, shorten

_FLOATING = {"f": "floating-point numbers", "c": "complex floating-point numbers"}


def array_rows(A, name, rationalize, convert):
    """``(rows, shape)`` of an array-like *A*, or ``None`` when *A* is not one.

    *convert(x, cell)* turns one entry into an exact SymPy number; it is used
    for ``DataFrame`` columns, so that an unreadable value names its column.
    """
    if _is_frame(A):
        return _frame_rows(A, name, rationalize, convert)
    if not _is_array(A) and callable(getattr(A, "__array__", None)):
        A = _as_array(A, name)
    if not _is_array(A):
        return None
    shape = tuple(A.shape)
    if len(shape) != 2:
        raise InvalidMatrixError(
            f"{name}: the array has shape {shape}, but a matrix has 2 dimensions. Reshape it, e.g. "
            "a.reshape(1, -1) for one row or a.reshape(-1, 1) for one column."
        )
    kind = A.dtype.kind
    if kind == "b":
        raise InvalidMatrixError(f"{name}: the array holds booleans, not numbers. Convert it, e.g. a.astype(int).")
    if kind in _FLOATING and A.size:
        if not rationalize:
            raise NotExactError(
                f"{name}: the array's dtype {A.dtype} holds {_FLOATING[kind]}, which are not exact. Pass "
                "rationalize=True to read each as the decimal it prints as, use method='numeric', or give exact "
                "entries (an integer array, or dtype=object with fractions.Fraction or strings such as '1/3')."
            )
        return [list(row) for row in A], shape  # NumPy scalars: a float32 prints as the decimal it was typed as
    return A.tolist(), shape


def _is_array(A):
    return hasattr(A, "dtype") and hasattr(A, "shape") and callable(getattr(A, "tolist", None))


def _is_frame(A):
    return hasattr(A, "columns") and hasattr(A, "iloc") and hasattr(A, "dtypes")


def _as_array(A, name):
    try:
        import numpy
    except ImportError:
        raise InvalidMatrixError(
            f"{name}: {type(A).__name__} offers __array__, which needs NumPy (pip install numpy); or give "
            "a list of rows."
        ) from None
    return numpy.asarray(A)


def _frame_rows(frame, name, rationalize, convert):
    """The entries of a ``DataFrame``, converted column by column so that a bad column is named."""
    m, n = frame.shape
    columns = [_column(frame, j, name, rationalize, convert) for j in range(n)]
    return [[column[i] for column in columns] for i in range(m)], (m, n)


def _column(frame, j, name, rationalize, convert):
    series, label = frame.iloc[:, j], frame.columns[j]
    this = f"{name}: column {shorten(label)} of the DataFrame"
    kind = series.dtype.kind
    if kind in "bmM":
        raise InvalidMatrixError(
            f"{this} has dtype {series.dtype}, which is not numeric. Drop it (df.drop(columns=[{label!r}])) "
            "or convert it to numbers."
        )
    missing = [i for i, flag in enumerate(series.isna().tolist()) if flag]
    if missing:
        raise InvalidMatrixError(
            f"{this} has a missing value in row {missing[0] + 1}. Fill or drop it first (df.fillna(...), df.dropna())."
        )
    if kind in _FLOATING and not rationalize:
        raise NotExactError(
            f"{this} has dtype {series.dtype}: {_FLOATING[kind]}, which are not exact. Pass rationalize=True to "
            "read each as the decimal it prints as, use method='numeric', or give exact values."
        )
    values = list(series.to_numpy()) if kind in _FLOATING else series.tolist()
    try:
        return [convert(x, (i, j)) for i, x in enumerate(values)]
    except NotExactError:
        raise
    except ExactSVDError as error:
        raise type(error)(f"{this} is not numeric: {error}") from None

