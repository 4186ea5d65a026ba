"""Complex matrices over ``K(i)``: real and imaginary parts as ``DomainMatrix`` over a real field ``K``.

A complex entry ``a + b i`` (``a``, ``b`` real algebraic) is kept as its two
real parts, so every product is two or four products of real ``DomainMatrix``
over ``K`` (``QQ`` or a real algebraic field), as fast as the real path.  The
conjugate transpose is :meth:`ComplexMatrix.adjoint`, the one place where it is
decided.
"""

from sympy import I, Integer, Poly, Symbol, im, re
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

from ..errors import UnsupportedEntryError, shorten
from .gaussian import Gaussian, GaussianField


class ComplexMatrix:
    """The matrix ``re + i im`` with ``re``, ``im`` ``DomainMatrix`` of one shape over one real field.

    Examples
    --------
    >>> from sympy import Matrix, I
    >>> A = complex_domain_matrix(Matrix([[1, I], [0, 2]]))
    >>> G = A.adjoint() * A
    >>> G.to_sympy()
    Matrix([
    [ 1, I],
    [-I, 5]])
    """

    def __init__(self, re, im):
        self.re = re
        self.im = im

    @property
    def shape(self):
        return self.re.shape

    @property
    def domain(self):
        """The real field ``K`` of the real and imaginary parts."""
        return self.re.domain

    @property
    def field(self):
        """``K(i)``, the field of the entries."""
        return GaussianField(self.domain)

    def adjoint(self):
        """The conjugate transpose ``A^H``."""
        return ComplexMatrix(self.re.transpose(), -self.im.transpose())

    def __mul__(self, other):
        if not isinstance(other, ComplexMatrix):
            return ComplexMatrix(self.re * other, self.im * other)
        return ComplexMatrix(self.re * other.re - self.im * other.im, self.re * other.im + self.im * other.re)

    def __add__(self, other):
        return ComplexMatrix(self.re + other.re, self.im + other.im)

    def __sub__(self, other):
        return ComplexMatrix(self.re - other.re, self.im - other.im)

    @property
    def is_zero_matrix(self):
        return self.re.is_zero_matrix and self.im.is_zero_matrix

    def rows(self):
        """The entries as rows of :class:`~exactsvd.core.gaussian.Gaussian` over ``K``."""
        return [[Gaussian(a, b) for a, b in zip(ra, rb)] for ra, rb in zip(self.re.to_list(), self.im.to_list())]

    def realification(self):
        """The real ``2m x 2n`` matrix ``[[re, -im], [im, re]]`` of the same linear map on ``R^2n``."""
        return self.re.hstack(-self.im).vstack(self.im.hstack(self.re))

    def hermitian_charpoly(self):
        """The characteristic polynomial (real coefficients in ``K``) of a Hermitian matrix, as a ``Poly``.

        The realification of a Hermitian ``G`` has the characteristic polynomial
        ``c(x)^2`` with ``c`` that of ``G``; ``c`` is its polynomial square root,
        checked exactly.
        """
        K = self.domain
        square = self.realification().charpoly()
        n = self.shape[0]
        root = [K.one]
        for k in range(1, n + 1):
            s = square[k] - sum((root[j] * root[k - j] for j in range(1, k)), K.zero)
            root.append(s / K.convert(2))
        x = Symbol("x")
        charpoly = Poly(root, x, domain=K)
        if charpoly**2 != Poly(square, x, domain=K):
            raise ArithmeticError("the matrix is not Hermitian: its realification's characteristic polynomial is no square")
        return charpoly

    def to_sympy(self):
        """The matrix as a SymPy ``Matrix`` (``re + I*im``)."""
        return self.re.to_Matrix() + I * self.im.to_Matrix()


def is_complex_matrix(matrix):
    """Whether a validated exact SymPy matrix has an entry that is not known to be real."""
    return any(not e.is_Rational and e.is_real is not True for e in matrix)


def complex_domain_matrix(matrix, name="A"):
    """A validated exact SymPy matrix with complex algebraic entries as a :class:`ComplexMatrix`.

    Each entry is split into its real and imaginary parts, which must lie in
    one real number field ``K`` (found by SymPy's primitive element).

    Examples
    --------
    >>> from sympy import Matrix, I, sqrt, Rational
    >>> A = complex_domain_matrix(Matrix([[1 + 2*I, sqrt(2)*I], [(-8)**Rational(1, 3), 0]]))
    >>> A.domain, A.im.to_Matrix()
    (QQ<sqrt(2) + sqrt(3)>, Matrix([
    [      2, sqrt(2)],
    [sqrt(3),       0]]))
    """
    rows, cols = matrix.shape
    parts = [real_imaginary(e, name) for e in matrix]
    entries = [[parts[i * cols + j][k] for j in range(cols)] for k in (0, 1) for i in range(rows)]
    stacked = DomainMatrix.from_list_sympy(2 * rows, cols, entries, extension=True)
    K = stacked.domain
    if K.is_ZZ:
        stacked = stacked.convert_to(QQ)
    elif not (K.is_QQ or K.is_AlgebraicField) or (K.is_AlgebraicField and not K.ext.as_expr().is_real):
        raise UnsupportedEntryError(
            f"{name}: the real and imaginary parts of the entries {shorten(str(list(matrix)))} do not lie in one "
            "real number field that the exact path can handle; use method='numeric'"
        )
    return ComplexMatrix(stacked[:rows, :], stacked[rows:, :])


def real_imaginary(value, name):
    """``(re, im)`` of an exact algebraic SymPy number, as SymPy numbers free of ``re()``/``im()``."""
    if value.is_Rational or (value.is_real and not value.has(I)):
        return value, Integer(0)
    real, imaginary = value.expand(complex=True).as_real_imag()
    if any(part.has(I) or part.is_real is False for part in (real, imaginary)) or real.has(re, im) or imaginary.has(re, im):
        raise UnsupportedEntryError(
            f"{name}: the real and imaginary parts of {shorten(value)} have no closed form SymPy can give; "
            "write the entry as a + b*I with real algebraic a and b, or use method='numeric'"
        )
    return real, imaginary

