"""The steps of a worked solution: immutable data, no formatting.

Every step holds exact SymPy objects (``ImmutableMatrix``, numbers) taken from
the exact core's :class:`~exactsvd.core.ExactDecomposition` and the result
layer's conversions; decimals appear only as certified approximations
(``sympy.N(x, 15)``) next to the exact values.  :class:`Solution` is the
sequence of steps; :mod:`.latex`, :mod:`.markdown` and :mod:`.text` format it.
"""

from dataclasses import dataclass

from ..budget.limits import printing_long_integers


@dataclass(frozen=True)
class MatrixStep:
    """Step 1: the matrix ``A`` and the Gram matrix the method uses.

    ``gram`` is ``"AtA"`` (its eigenvectors are the right singular vectors) or
    ``"AAt"`` (the left ones); ``forced`` says whether the caller chose it
    (otherwise it is the smaller one, ``A^T A`` on a tie).  For a complex
    matrix (``is_complex``) every transpose of the solution is a conjugate
    transpose: ``A^H A``, ``V^H``, Hermitian inner products, the phase rule.
    """

    matrix: object
    gram: str
    forced: bool
    is_complex: bool = False


@dataclass(frozen=True)
class GramStep:
    """Step 2: the Gram matrix ``G`` (``A^T A`` or ``A A^T``)."""

    gram: str
    matrix: object


@dataclass(frozen=True)
class Factor:
    """A monic irreducible factor of the characteristic polynomial, in the variable ``lambda``.

    ``radical`` says whether its roots are written with square roots (always
    for degree <= 2, for quartics that split over a quadratic field) rather
    than as ``CRootOf``.
    """

    polynomial: object
    multiplicity: int
    degree: int
    radical: bool


@dataclass(frozen=True)
class NamedRoot:
    """A ``CRootOf`` that the solution calls *symbol* (``lambda_i``, or ``r_i`` when ``lambda_i = c r_i``)."""

    symbol: object
    root: object
    decimal: object


@dataclass(frozen=True)
class Eigenvalue:
    """One distinct eigenvalue of ``G``: exact value, multiplicity, certified decimal (``None`` if rational).

    It is ``lambda_i = ... = lambda_(i + multiplicity - 1)`` with ``i = index``;
    ``factor`` is the factor it is a root of.
    """

    index: object
    value: object
    multiplicity: int
    decimal: object
    factor: object


@dataclass(frozen=True)
class CharpolyStep:
    """Step 3: ``p(lambda) = det(lambda I - G)``, expanded and factored, and its roots.

    ``eigenvalues`` are descending, the eigenvalue 0 (if any) last; ``roots``
    names the ``CRootOf`` numbers of factors of degree 3 or more.
    """

    variable: object
    expanded: object
    factors: tuple
    eigenvalues: tuple
    roots: tuple


@dataclass(frozen=True)
class SingularValue:
    """``s_i = sqrt(lambda_i)``: exact, simplified, with a certified decimal (``None`` if rational)."""

    index: int
    eigenvalue: object
    value: object
    decimal: object


@dataclass(frozen=True)
class SingularValuesStep:
    """Step 4: the ``min(m, n)`` singular values (descending, zeros included), the rank and ``Sigma``."""

    values: tuple
    rank: int
    sigma: object


@dataclass(frozen=True)
class SpaceStep:
    """Steps 5 and 7: an orthonormal basis of a null space, by the hand method.

    Attributes
    ----------
    kind : {"eigenspace", "left kernel", "right kernel"}
        The null space of ``G - lambda I``, of ``A^T`` or of ``A``.
    letter : {"u", "v"}
        The singular vectors it gives.
    indices : tuple of int
        Their column numbers ``i`` in ``U`` or ``V`` (from 1).
    eigenvalue : sympy number or None
        ``lambda`` for an eigenspace.
    matrix, rref : ImmutableMatrix
        The matrix whose null space is wanted and its reduced row echelon
        form (``rref`` is ``None`` for a root of a factor of degree 3 or more).
    basis : tuple of ImmutableMatrix
        ``b_k``, one per free column of ``rref`` (for a simple root of a
        factor of degree 3 or more: the core's eigenvector, a polynomial in
        the root).
    projections : tuple of tuple
        Gram–Schmidt: ``w_k = b_k - sum_j projections[k][j] w_j`` (``j < k``;
        ``projections[k][j] = w_j^H b_k / w_j^H w_j`` for complex vectors).
    orthogonal, norms, lengths : tuple
        ``w_k``, ``|w_k|^2`` and ``|w_k|``.
    signs : tuple of int
        The sign rule (first non-zero entry of ``v_i`` positive): the unit
        vector is ``signs[k] * w_k / |w_k|``.
    units : tuple of ImmutableMatrix
        The unit vectors: the columns of ``U`` or ``V`` as the core gives them.
    phases : tuple or None
        For complex vectors, the phase rule: the unit vector is
        ``phases[k] * w_k / |w_k|``, ``phases[k]`` the unit complex number that
        makes the first non-zero entry of ``v_i`` (or of the kernel vector)
        real and positive (``signs`` are then all 1).  ``None`` for real ones.
    """

    kind: str
    letter: str
    indices: tuple
    eigenvalue: object
    matrix: object
    rref: object
    basis: tuple
    projections: tuple
    orthogonal: tuple
    norms: tuple
    lengths: tuple
    signs: tuple
    units: tuple
    phases: tuple = None


@dataclass(frozen=True)
class PartnerVector:
    """``result = product / value`` with ``product = B source`` (``B`` is ``A`` or ``A^T``)."""

    index: int
    value: object
    source: object
    product: object
    result: object


@dataclass(frozen=True)
class PartnerStep:
    """Step 6: ``u_i = A v_i / s_i`` (``letter == "v"``) or ``v_i = A^T u_i / s_i`` (``letter == "u"``)."""

    letter: str
    matrix: object
    vectors: tuple


@dataclass(frozen=True)
class FactorsStep:
    """Step 8: the full ``U`` (m×m), ``Sigma`` (m×n), ``V`` (n×n); ``thin = min(m, n)`` and the rank."""

    U: object
    S: object
    V: object
    thin: int
    rank: int


@dataclass(frozen=True)
class CheckStep:
    """Step 9: ``U^T U = I``, ``V^T V = I`` and ``U Sigma V^T = A``, ``proved`` exactly by the certificate."""

    matrix: object
    proved: bool


@dataclass(frozen=True)
class RankOneTerm:
    """``s_i u_i v_i^T``, with its exact matrix."""

    index: int
    value: object
    u: object
    v: object
    matrix: object


@dataclass(frozen=True)
class RankOneStep:
    """Step 10 (optional): ``A = s_1 u_1 v_1^T + ... + s_r u_r v_r^T``."""

    matrix: object
    terms: tuple


@dataclass(frozen=True, repr=False)
class Solution:
    """A worked solution: the steps of the hand method, as data.

    ``str(solution)`` is the plain-text form; :meth:`to_latex`,
    :meth:`to_markdown`, :meth:`to_html` and :meth:`to_pdf` give the others,
    and notebooks show it through ``_repr_html_`` (MathML), ``_repr_latex_``
    and ``_repr_markdown_``.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> solution = explain([[1, 2, 1, 0], [2, 0, 1, 1]])
    >>> solution
    Solution(2x4, rank=2, singular_values=(3, sqrt(3)), 10 steps)
    >>> solution.step(GramStep).matrix
    Matrix([
    [6, 3],
    [3, 6]])
    >>> [line for line in str(solution).splitlines() if "s₂ = √λ₂" in line]
    ['    s₂ = √λ₂ = √3  ≈ 1.73205080756888']
    >>> solution.to_markdown().splitlines()[2]
    '## Step 1. The matrix and the choice of Gram matrix'
    >>> "1.73205080756888" in solution.to_latex()
    True
    >>> solution.to_html().count("<section>")
    10
    """

    steps: tuple

    def step(self, kind):
        """The first step of class *kind* (such as :class:`GramStep`); ``None`` if there is none."""
        return next((s for s in self.steps if isinstance(s, kind)), None)

    @property
    def matrix(self):
        """The matrix ``A``."""
        return self.step(MatrixStep).matrix

    @property
    def singular_values(self):
        """The ``min(m, n)`` singular values, descending, zeros included."""
        return tuple(s.value for s in self.step(SingularValuesStep).values)

    @property
    def rank(self):
        return self.step(SingularValuesStep).rank

    @property
    def is_complex(self):
        """Whether ``A`` is complex: then ``A = U Sigma V^H`` and every transpose is a conjugate transpose."""
        return self.step(MatrixStep).is_complex

    @property
    def U(self):
        return self.step(FactorsStep).U

    @property
    def S(self):
        return self.step(FactorsStep).S

    @property
    def V(self):
        return self.step(FactorsStep).V

    @property
    def roots(self):
        """The named ``CRootOf`` numbers (:class:`NamedRoot`)."""
        return self.step(CharpolyStep).roots

    @printing_long_integers
    def to_latex(self, standalone=False, paper="a4"):
        """LaTeX: a fragment (needs ``amsmath`` and ``graphicx``), or a whole document on *paper* ``"a4"`` or ``"letter"``."""
        from .latex import to_latex

        return to_latex(self, standalone=standalone, paper=paper)

    @printing_long_integers
    def to_markdown(self):
        """Markdown with ``$`` and ``$$`` math."""
        from .markdown import to_markdown

        return to_markdown(self)

    @printing_long_integers
    def to_text(self):
        """Plain Unicode text for terminals."""
        from .text import to_text

        return to_text(self)

    def to_html(self):
        """One self-contained HTML page: the steps with MathML, the style sheet inline, readable on a phone."""
        from .html import to_html

        return to_html(self)

    def to_pdf(self, path, timeout=120, paper="a4"):
        """Compile the LaTeX document (on *paper* ``"a4"`` or ``"letter"``) with ``pdflatex`` and write it to *path*."""
        from .pdf import write_pdf

        write_pdf(self.to_latex(standalone=True, paper=paper), path, timeout=timeout)

    __str__ = to_text

    def __repr__(self):
        m, n = self.matrix.shape
        return f"Solution({m}x{n}, rank={self.rank}, singular_values={self.singular_values}, {len(self.steps)} steps)"

    def _repr_latex_(self):
        return self.to_latex()

    def _repr_markdown_(self):
        return self.to_markdown()

    def _repr_html_(self):
        from .html import solution_fragment

        return solution_fragment(self)
