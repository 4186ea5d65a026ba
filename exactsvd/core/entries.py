"""The field of the entries: from a validated SymPy matrix to a ``DomainMatrix``."""

from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

from ..errors import UnsupportedEntryError, shorten


def domain_matrix(matrix, name="A"):
    """*matrix* (validated exact real entries) as a ``DomainMatrix`` over ``QQ``.

    Examples
    --------
    >>> from sympy import Matrix, Rational
    >>> domain_matrix(Matrix([[1, Rational(1, 2)]])).domain
    QQ
    """
    for (i, j), entry in _irrational_entries(matrix):
        raise UnsupportedEntryError(
            f"{name}: entry at row {i + 1}, column {j + 1} is {shorten(str(entry))}; "
            "the exact path handles rational entries; use method='numeric' for irrational ones"
        )
    rows, cols = matrix.shape
    return DomainMatrix([[QQ.from_sympy(e) for e in matrix.row(i)] for i in range(rows)], (rows, cols), QQ)


def _irrational_entries(matrix):
    rows, cols = matrix.shape
    for i in range(rows):
        for j in range(cols):
            if not matrix[i, j].is_Rational:
                yield (i, j), matrix[i, j]
