"""``SVDResult``: what :func:`exactsvd.svd` returns."""

from functools import cached_property

from sympy import ImmutableMatrix
from sympy.printing.str import StrPrinter

from ..errors import InvalidArgumentError
from .forms import FACTORS, cut


class SVDResult:
    """An SVD ``A = U S V^T`` in full, thin or compact form (``A = U S V^H`` for complex ``A``).

    Unpacks to ``U, S, V`` (SymPy matrices) and is the sequence of them:
    ``r[0]`` is ``U``, ``len(r)`` is 3.  ``singular_values`` lists all
    ``min(m, n)`` singular values, descending, zeros included.  Two results
    are equal when their matrix, form and factors are; ``r.Vh`` is NumPy's
    ``V^H``; :meth:`to_numpy` and :meth:`to_sage` hand the factors over.

    Examples
    --------
    >>> import exactsvd
    >>> r = exactsvd.svd([[3, 0], [4, 5]])
    >>> r
    <SVDResult 2×2, rank 2, exact, full form, singular values (3*sqrt(5), sqrt(5))>
    >>> r[1] == r.S, len(r), r == exactsvd.svd("3 0; 4 5"), r.Vh == r.V.T
    (True, 3, True, True)
    >>> print(exactsvd.svd([[0, 2], [1, 0]]))
    SVD of a 2×2 matrix of rank 2 (exact, full form): A = U S V^T
    U (2×2) =
    [1, 0]
    [0, 1]
    S (2×2) =
    [2, 0]
    [0, 1]
    V (2×2) =
    [0, 1]
    [1, 0]

    For a complex matrix (``is_complex`` is true) ``U`` and ``V`` are unitary
    and ``V.H`` (the conjugate transpose) replaces ``V.T``: ``U * S * V.H == A``,
    ``U.H * U == I``; the first non-zero entry of every ``v_i`` is real and
    positive (the phase rule, rule 8 of the conventions).  For real results
    ``V.H`` equals ``V.T``, so ``V.H`` is right for both.

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
    #: Whether ``A`` has complex entries (then ``A = U S V^H`` with unitary ``U``, ``V``).
    is_complex = False

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

    def _factor(self, name):
        """One factor; an exact result builds only that one (from the entries converted so far)."""
        if self.exact is not None:
            return self.exact.matrix(name)
        return self._cut[FACTORS.index(name)]

    @property
    def U(self):
        """Left singular vectors as columns."""
        return self._factor("U")

    @property
    def S(self):
        """The diagonal matrix of singular values."""
        return self._factor("S")

    @property
    def V(self):
        """Right singular vectors as columns (``A = U S V^T``; ``A = U S V^H`` for complex ``A``)."""
        return self._factor("V")

    @property
    def Vh(self):
        """``V^H``, the conjugate transpose of ``V`` (``V^T`` for real input): NumPy's ``Vh``, so ``A = U S Vh``."""
        return self.V.H

    def __iter__(self):
        return iter((self.U, self.S, self.V))

    def __len__(self):
        """3: a result is the sequence ``U, S, V``."""
        return 3

    def __getitem__(self, index):
        """``r[0]``, ``r[1]``, ``r[2]`` are ``U``, ``S``, ``V`` (slices and negative indices as for a tuple)."""
        return self._cut[index]

    def __eq__(self, other):
        """Equal when the matrix, the form and the factors ``U``, ``S``, ``V`` are the same."""
        if not isinstance(other, SVDResult):
            return NotImplemented
        return (self.matrix, self.form, self.singular_values) == (other.matrix, other.form, other.singular_values) and (
            self is other or self._cut == other._cut
        )

    def __hash__(self):
        return hash((self.matrix, self.form, self.singular_values))

    def to_numpy(self):
        """``(U, S, V)`` as NumPy ``float64`` arrays (``complex128`` for complex input); see :func:`exactsvd.interop.to_numpy`."""
        from ..interop import to_numpy

        return to_numpy(self)

    def to_sage(self):
        """``(U, S, V)`` as SageMath matrices over ``QQ``, ``AA`` or ``QQbar``; see :func:`exactsvd.interop.to_sage`."""
        from ..interop import to_sage

        return to_sage(self)

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
        ``simplify`` or floating point; for complex ``A`` it proves
        ``U^H U = I``, ``V^H V = I`` and ``U S V^H = A`` over ``K(i)``.
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
            is_complex=self.is_complex,
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

    # Records (exactsvd.output is a face on top of results: imported when used).

    def to_dict(self, *, verified=None, digits=30):
        """The result as a dictionary of JSON values (format: ``docs/json-schema.md``).

        Exact entries are strings that :func:`exactsvd.input.parse_entry` and
        ``exactsvd check --answer`` read back; ``"decimals"`` holds them with
        *digits* certified significant digits.  *verified* is recorded as given
        (``None``: not attempted).

        Examples
        --------
        >>> import exactsvd
        >>> record = exactsvd.svd([[3, 0], [4, 5]]).to_dict()
        >>> record["singular_values"], record["decimals"]["singular_values"][1]
        (['3*sqrt(5)', 'sqrt(5)'], '2.23606797749978969640917366873')
        """
        from ..output.record import to_dict

        return to_dict(self, verified=verified, digits=digits)

    def to_json(self, *, verified=None, digits=30, indent=None):
        """:meth:`to_dict` as JSON text (*indent* as for :func:`json.dumps`)."""
        from ..output.record import to_json

        return to_json(self, verified=verified, digits=digits, indent=indent)

    def _repr_latex_(self):
        """U, S, V and the singular values as LaTeX, for notebooks."""
        from ..solutions import svd_result_latex

        return svd_result_latex(self)

    def _repr_markdown_(self):
        """U, S, V and the singular values as Markdown with ``$$`` math, for notebooks."""
        from ..solutions import svd_result_markdown

        return svd_result_markdown(self)

    def _repr_html_(self):
        """The singular values and U, S, V as HTML with MathML, for notebooks and web pages."""
        from ..solutions import svd_result_fragment

        return svd_result_fragment(self)

    def __repr__(self):
        m, n = self.matrix.shape
        values = ", ".join(map(str, self.singular_values))
        return f"<SVDResult {m}×{n}, rank {self.rank}, {self.method}, {self.form} form, singular values ({values})>"

    def __str__(self):
        """A heading and the factors ``U``, ``S``, ``V`` as SymPy prints them."""
        m, n = self.matrix.shape
        star = "T" if all(entry.is_extended_real for entry in self.matrix) else "H"
        lines = [f"SVD of a {m}×{n} matrix of rank {self.rank} ({self.method}, {self.form} form): A = U S V^{star}"]
        for name, M in zip("USV", self):
            lines += [f"{name} ({M.rows}×{M.cols}) =", M.table(StrPrinter()) if M else "[]"]
        return "\n".join(lines)
