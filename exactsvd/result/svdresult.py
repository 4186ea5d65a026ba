"""``SVDResult``: what :func:`exactsvd.svd` returns."""

from functools import cached_property

from sympy import ImmutableMatrix

from ..errors import InvalidArgumentError
from .forms import FACTORS, cut


class SVDResult:
    """An SVD ``A = U S V^T`` in full, thin or compact form.

    Unpacks to ``U, S, V`` (SymPy matrices).  ``singular_values`` lists all
    ``min(m, n)`` singular values, descending, zeros included.

    Parameters
    ----------
    matrix : sympy.ImmutableMatrix
        The matrix ``A``.
    factors : callable
        Returns the factors ``(U, S, V)`` of *form*; called once, when first needed.
    singular_values : tuple
    rank : int
    form : {"full", "thin", "compact"}
    prove : callable
        Returns ``True`` or raises :class:`~exactsvd.VerificationError`.
    method : str
        ``"exact"``, ``"numeric"`` or ``"evalf"`` (certified decimals of an exact SVD).
    decimals : callable
        ``decimals(n)`` returns the full factors and the singular values with
        ``n`` certified significant digits.
    exact : ExactFactors, optional
        The exact data and its entry-by-entry conversion (exact results only).
    """

    exact = None

    def __init__(self, matrix, factors, singular_values, rank, form, prove, method, decimals, **details):
        self.matrix = ImmutableMatrix(matrix)
        self._factors = factors
        self.singular_values = tuple(singular_values)
        self.rank = rank
        self.form = form
        self._prove = prove
        self.method = method
        self._decimals = decimals
        self.__dict__.update(details)

    @cached_property
    def _cut(self):
        return self._factors()

    @property
    def U(self):
        """Left singular vectors as columns."""
        return self._cut[0]

    @property
    def S(self):
        """The diagonal matrix of singular values."""
        return self._cut[1]

    @property
    def V(self):
        """Right singular vectors as columns (``A = U S V^T``)."""
        return self._cut[2]

    def __iter__(self):
        return iter(self._cut)

    def entry(self, name, i, j):
        """Entry ``(i, j)`` of the factor *name* (``"U"``, ``"S"`` or ``"V"``), 0-based.

        For an exact result only that entry is converted to a SymPy number
        (what its column shares, once); the whole matrix is never built.  It
        equals ``r.U[i, j]`` (and so on) exactly.

        Examples
        --------
        >>> import exactsvd
        >>> r = exactsvd.svd([[3, 0], [4, 5]])
        >>> r.entry("U", 1, 0), r.entry("S", 0, 0)
        (3*sqrt(10)/10, 3*sqrt(5))
        """
        if self.exact is not None:
            return self.exact.entry(name, i, j)
        if name not in FACTORS:
            raise InvalidArgumentError(f"factor {name!r} is not one of 'U', 'S', 'V'")
        return getattr(self, name)[i, j]

    @property
    def singular_data(self):
        """The exact data of each positive singular value, descending (exact results only).

        A tuple of :class:`~exactsvd.result.data.SingularValueData`: the value
        ``s``, its ``eigenvalue`` ``theta = s^2``, the ``minimal_polynomial`` of
        ``theta`` over ``QQ``, its ``root_index`` (``theta =
        CRootOf(minimal_polynomial, root_index)``), an isolating ``interval``,
        the ``multiplicity``, and the singular vectors ``u`` and ``v`` as
        :class:`~exactsvd.result.data.ExactVector` (polynomials in ``theta``).

        Examples
        --------
        >>> import exactsvd
        >>> d = exactsvd.svd([[1, 1, 0], [0, 1, 1], [0, 0, 1]]).singular_data[0]
        >>> d.minimal_polynomial.as_expr(), d.root_index, d.eigenvalue
        (x**3 - 5*x**2 + 6*x - 1, 2, CRootOf(x**3 - 5*x**2 + 6*x - 1, 2))
        >>> lo, hi = d.interval
        >>> bool(lo <= d.eigenvalue <= hi), d.v.singular_index
        (True, 0)
        """
        return self._exact_data().singular_data()

    def column_data(self, name, j):
        """Column *j* of ``U`` or ``V`` as an :class:`~exactsvd.result.data.ExactVector` (exact results only).

        Entry ``i`` of the column is ``coordinates[i](theta) /
        sqrt(norm_squared(theta))``, both polynomials in the root ``theta`` of
        ``r.singular_data[singular_index]`` with coefficients listed lowest
        degree first (constants for a kernel column, ``singular_index`` None).

        Examples
        --------
        >>> import exactsvd
        >>> r = exactsvd.svd([[1, 1], [1, 1], [0, 0]])
        >>> r.column_data("V", 0)
        ExactVector(coordinates=((1,), (1,)), norm_squared=(2,), singular_index=0)
        >>> r.column_data("U", 2)
        ExactVector(coordinates=((0,), (0,), (1,)), norm_squared=(1,), singular_index=None)
        """
        return self._exact_data().column_data(name, j)

    def _exact_data(self):
        if self.exact is None:
            raise InvalidArgumentError(f"a {self.method} SVD carries no exact data; use exactsvd.svd(A) (method='exact')")
        return self.exact

    def verify(self):
        """Prove ``U^T U = I``, ``V^T V = I``, ``U S V^T = A`` and the order of the values.

        For the full form ``U`` and ``V`` are square, so ``U U^T = I`` and
        ``V V^T = I`` too; the thin and compact forms prove what they claim:
        orthonormal columns (``U^T U = I_k``, ``V^T V = I_k``) and ``U S V^T =
        A``.  Returns ``True``; raises :class:`~exactsvd.VerificationError` when
        an identity fails.  For exact results the proof is exact arithmetic over
        ``QQ`` (traces from the number fields of the eigenvalues), never
        ``simplify`` or floating point.
        """
        return self._prove()

    def evalf(self, n=15):
        """The same SVD with every entry a ``Float`` correct to *n* significant digits.

        For an exact result the digits are certain: each entry is enclosed by
        rational intervals, refined from the exact data until the *n* digits
        are known (not a floating-point evaluation).  For a numeric result *n*
        may not exceed its certified ``digits``.

        Examples
        --------
        >>> import exactsvd
        >>> exactsvd.svd([[1, 1], [1, 0]]).evalf(20).singular_values
        (1.6180339887498948482, 0.61803398874989484820)
        """
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 100_000:
            raise InvalidArgumentError(f"n={n!r} is not a number of digits; pass an integer from 1 to 100000")
        (U, S, V), values = self._decimals(n)
        return SVDResult(
            self.matrix,
            lambda: cut(U, S, V, self.form, self.rank),
            values,
            self.rank,
            self.form,
            self._prove,
            "evalf",
            self._decimals,
            digits=n,
            note=f"decimals of the {self.method} SVD, each correct to {n} significant digits",
        )

    # Applications (exactsvd.applications is a face on top of results: imported when used).

    def truncate(self, k):
        """The best rank-*k* approximation ``A_k`` with its Eckart–Young errors (see :func:`exactsvd.low_rank`)."""
        from ..applications import truncate

        return truncate(self, k)

    def terms(self):
        """The rank-one layers ``s_i u_i v_i^T``; their partial sums are the ``A_k``."""
        from ..applications import terms

        return terms(self)

    def pseudo_inverse(self):
        """The Moore–Penrose pseudo-inverse ``V S^+ U^T`` (exact for an exact SVD)."""
        from ..applications import pseudo_inverse

        return pseudo_inverse(self)

    def fundamental_subspaces(self):
        """Orthonormal bases of the column space, row space, null space and left null space."""
        from ..applications import fundamental_subspaces

        return fundamental_subspaces(self)

    def norm_2(self):
        """The spectral norm ``s_1``."""
        from ..applications import norm_2

        return norm_2(self)

    def condition_number(self):
        """``s_1 / s_min(m, n)`` (``oo`` when that is 0)."""
        from ..applications import condition_number

        return condition_number(self)

    def numerical_rank(self, tol):
        """The number of singular values above *tol*."""
        from ..applications import numerical_rank

        return numerical_rank(self, tol)

    def polar(self):
        """The polar decomposition ``A = Q P`` (``Q = U V^T``, ``P = V S V^T``)."""
        from ..applications import polar

        return polar(self)

    def _repr_latex_(self):
        """U, S, V and the singular values as LaTeX, for notebooks."""
        from ..explain import svd_result_latex

        return svd_result_latex(self)

    def _repr_markdown_(self):
        """U, S, V and the singular values as Markdown with ``$$`` math, for notebooks."""
        from ..explain import svd_result_markdown

        return svd_result_markdown(self)

    def _repr_html_(self):
        """The singular values and U, S, V as HTML with MathML, for notebooks and web pages."""
        from ..explain import svd_result_fragment

        return svd_result_fragment(self)

    def __repr__(self):
        m, n = self.matrix.shape
        return f"SVDResult({self.method}, {self.form}, {m}x{n}, rank={self.rank}, singular_values={self.singular_values})"
