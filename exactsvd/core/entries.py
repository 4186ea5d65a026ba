"""The field of the entries: from a validated SymPy matrix to a ``DomainMatrix``.

Rational entries give ``QQ``; real algebraic entries (``sqrt(2)``,
``2**(1/3)``, ``CRootOf(...)``) give one algebraic field ``QQ<alpha>`` with a
primitive element ``alpha`` that holds them all.
"""

from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

from ..errors import UnsupportedEntryError, shorten
from .complexmatrix import real_imaginary


def domain_matrix(matrix, name="A"):
    """*matrix* (validated exact real entries) as a ``DomainMatrix`` over the field of its entries.

    Examples
    --------
    >>> from sympy import Matrix, Rational, sqrt
    >>> domain_matrix(Matrix([[1, Rational(1, 2)]])).domain
    QQ
    >>> domain_matrix(Matrix([[1, sqrt(2)], [sqrt(8), 3]])).domain
    QQ<sqrt(2)>
    """
    rows, cols = matrix.shape
    if not (rows and cols):
        return DomainMatrix.zeros((rows, cols), QQ)
    # A real entry may be written with I (((1 + I)/sqrt(2))**8): its real part is free of it.
    entries = [[real_imaginary(a, name)[0] for a in row] for row in matrix.tolist()]
    if all(a.is_Rational for row in entries for a in row):
        return DomainMatrix([[QQ(a.p, a.q) for a in row] for row in entries], (rows, cols), QQ)
    result = DomainMatrix.from_list_sympy(rows, cols, entries, extension=True)
    if result.domain.is_ZZ:
        return result.convert_to(result.domain.get_field())
    if not (result.domain.is_QQ or result.domain.is_AlgebraicField):
        raise UnsupportedEntryError(
            f"{name}: the entries {shorten(str(list(matrix)))} do not lie in one number field that the exact "
            "path can handle; use method='numeric'"
        )
    return result

