"""The exact data of an SVD, for users who compute further: records, no SymPy expression trees.

Every column of ``U`` and ``V`` of an exact SVD is ``c(theta) / sqrt(q(theta))``
with ``c`` a vector of polynomials and ``q`` one polynomial over the field ``K``
of the entries, taken at a real root ``theta = s^2`` of one irreducible factor
of the characteristic polynomial of the Gram matrix (for the kernel columns
that complete ``U`` and ``V`` the polynomials are constants).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExactVector:
    """One unit column: entry ``i`` is ``coordinates[i](theta) / sqrt(norm_squared(theta))``.

    Attributes
    ----------
    coordinates : tuple of tuple
        Per entry, the coefficients over ``K`` (SymPy numbers, lowest degree
        first) of a polynomial in ``theta``; the sign rule is already applied.
    norm_squared : tuple
        The coefficients of the squared length of the unscaled vector, same
        convention; positive at ``theta``.
    singular_index : int or None
        The position ``i`` of the singular value ``s_i = sqrt(theta)`` in
        ``r.singular_data`` (``None`` for a kernel column: no ``theta``).
    """

    coordinates: tuple
    norm_squared: tuple
    singular_index: object


@dataclass(frozen=True)
class SingularValueData:
    """One positive singular value ``s = sqrt(theta)`` and its pair of singular vectors.

    Attributes
    ----------
    index : int
        Its position: ``S[index, index]``, column *index* of ``U`` and ``V``.
    value : sympy.Expr
        ``s``, exactly as in ``r.singular_values``.
    eigenvalue : sympy.Expr
        ``theta = s^2``, an eigenvalue of the Gram matrix.
    minimal_polynomial : sympy.Poly
        The monic minimal polynomial of ``theta`` over ``QQ`` (in ``x``).
    root_index : int
        ``theta = CRootOf(minimal_polynomial, root_index)``: the index among
        its real roots, ascending.
    interval : tuple of sympy.Rational
        ``(lo, hi)`` with ``lo <= theta <= hi``, no other real root of the
        minimal polynomial in it (``lo == hi`` for a rational ``theta``).
    factor : sympy.Poly
        The irreducible factor over ``K`` of the characteristic polynomial of
        which ``theta`` is a root; ``coordinates`` are polynomials modulo it
        (it is ``minimal_polynomial`` when ``K`` is ``QQ``).
    multiplicity : int
        How often ``s`` is repeated among the singular values.
    u, v : ExactVector
        The left and right singular vectors ``u_i`` and ``v_i``.
    """

    index: int
    value: object
    eigenvalue: object
    minimal_polynomial: object
    root_index: int
    interval: tuple
    factor: object
    multiplicity: int
    u: ExactVector
    v: ExactVector
