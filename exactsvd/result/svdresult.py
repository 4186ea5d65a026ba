"""``SVDResult``: what :func:`exactsvd.svd` returns."""

from functools import cached_property

from sympy import ImmutableMatrix

from .forms import cut


class SVDResult:
    """An SVD ``A = U S V^T`` in full, thin or compact form.

    Unpacks to ``U, S, V`` (SymPy matrices).  ``singular_values`` lists all
    ``min(m, n)`` singular values, descending, zeros included.

    Parameters
    ----------
    matrix : sympy.ImmutableMatrix
        The matrix ``A``.
    factors : callable
        Returns the full factors ``(U, S, V)``; called once, when first needed.
    singular_values : tuple
    rank : int
    form : {"full", "thin", "compact"}
    prove : callable
        Returns ``True`` or raises :class:`~exactsvd.VerificationError`.
    method : str
        ``"exact"`` or ``"numeric"``.
    """

    def __init__(self, matrix, factors, singular_values, rank, form, prove, method="exact", **details):
        self.matrix = ImmutableMatrix(matrix)
        self._factors = factors
        self.singular_values = tuple(singular_values)
        self.rank = rank
        self.form = form
        self._prove = prove
        self.method = method
        self.__dict__.update(details)

    @cached_property
    def _full(self):
        return self._factors()

    @cached_property
    def _cut(self):
        return cut(*self._full, self.form, self.rank)

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

    def verify(self):
        """Prove ``U^T U = I``, ``V^T V = I``, ``U S V^T = A`` and the order of the values.

        Returns ``True``; raises :class:`~exactsvd.VerificationError` when an
        identity fails.  For exact results the proof is exact arithmetic over
        ``QQ`` (traces from the number fields of the eigenvalues), never
        ``simplify`` or floating point.
        """
        return self._prove()

    def __repr__(self):
        m, n = self.matrix.shape
        return f"SVDResult({self.method}, {self.form}, {m}x{n}, rank={self.rank}, singular_values={self.singular_values})"
