"""The generic SVD of a matrix with parameters, as elements of a tower of square roots over ``F``.

``v_i = w_i / sqrt(N_i)`` (``w_i`` the eigenvector of the hand method,
``N_i = w_i . w_i``), ``s_i = sqrt(lambda_i)``, ``u_i = A v_i / s_i``, the
left (and right) kernel completed by orthonormalised RREF bases; every entry
is an element of the spectrum's :class:`~exactsvd.symbolic.tower.Tower`, so
:mod:`exactsvd.symbolic.verify` proves the identities exactly.
"""

from sympy import Matrix, Mul

from ..result.forms import kernel_counts
from .conditions import conditions_of
from .radicals import square_root
from .vectors import eigenspace, left_kernel, specialise, zero_space


class SymbolicDecomposition:
    """Everything the generic SVD of a matrix with parameters consists of, step by step.

    Attributes
    ----------
    spectrum : SymbolicSpectrum
        Gram matrix (``spectrum.side``), characteristic polynomial ``spectrum.charpoly``
        in ``lambda``, its factors, the ordered eigenvalues.
    spaces : dict
        Factor index -> :class:`~exactsvd.symbolic.vectors.Eigenspace`: the
        eigenvectors before normalisation and their squared norms.
    singular_values : list of tower elements (``rank`` of them)
    shown : list of their SymPy forms
    left, right : list of columns (lists of tower elements)
        ``U`` and ``V`` of the working matrix (``A``, or ``A^T`` when ``spectrum.side`` is ``"left"``).
    conditions : tuple of relationals
    """

    def __init__(self, spectrum, form):
        self.spectrum = spectrum
        self.form = form
        tower, symbols = spectrum.tower, spectrum.symbols
        self.spaces = {}
        self.singular_values, self.left, self.right, self.shown = [], [], [], []
        self.left_shown, self.right_shown = [], []
        for eigenvalue in spectrum.eigenvalues:
            if eigenvalue.factor not in self.spaces:
                self.spaces[eigenvalue.factor] = eigenspace(spectrum, eigenvalue.factor)
            space = self.spaces[eigenvalue.factor]
            s = spectrum.singular_value(eigenvalue)
            for w, norm, partner in zip(space.vectors, space.norms, space.partners):
                length = spectrum.square_root(specialise(tower, eigenvalue, norm, space.field))
                w = [specialise(tower, eigenvalue, a, space.field) for a in w]
                if self._lead_sign(w) == -1:  # rule 4, where the assumptions decide the sign
                    length = -length
                self._column(self.right, self.right_shown, w, length)
                partner = [specialise(tower, eigenvalue, a, space.field) for a in partner]
                self._column(self.left, self.left_shown, partner, length, s)
                self.singular_values.append(s)
                self.shown.append(spectrum.singular_value_expr(eigenvalue))
        rank = len(self.singular_values)
        m, n = spectrum.working.shape
        left, right = kernel_counts((m, n), rank, form)
        left = m - rank if left is None else left
        right = n - rank if right is None else right
        for columns, shown, (vectors, norms) in ((self.left, self.left_shown, left_kernel(spectrum, left)),
                                                 (self.right, self.right_shown, zero_space(spectrum, right))):
            for w, norm in zip(vectors, norms):
                w = [tower.base(a) for a in w]
                self._column(columns, shown, w, square_root(tower, norm, symbols) * (self._lead_sign(w) or 1))
        self.conditions = conditions_of(self)

    def _column(self, columns, shown, vector, *scales):
        """Append ``vector / prod(scales)`` (tower elements, for the proofs) and its SymPy form.

        When the scale has a nested root (``sqrt(N(lambda))``), the form keeps
        the quotient (``w_k / sqrt(N)``) rather than the reduced element, which
        would spread the root's conjugate over every term: equal wherever the
        conditions hold, as the SymPy forms of the generators satisfy the same
        relations ``y^2 = d``.
        """
        tower = self.spectrum.tower
        scale = scales[0]
        for factor in scales[1:]:
            scale = scale * factor
        columns.append([a / scale for a in vector])
        if not _nested(tower, scale):
            shown.append([tower.expr(a) for a in columns[-1]])
            return
        divisor = Mul(*(tower.expr(factor) for factor in scales))
        shown.append([tower.expr(a) / divisor for a in vector])

    def _lead_sign(self, vector):
        """The sign of the first entry of *vector* that is not identically zero, when decided (else ``None``)."""
        lead = next((a for a in vector if a), None)
        return None if lead is None else self.spectrum.sign(lead)

    @property
    def rank(self):
        return len(self.singular_values)

    def factors(self, shown=False):
        """``(U, V)`` of ``A`` as lists of columns: tower elements, or (*shown*) their SymPy forms."""
        left, right = (self.left_shown, self.right_shown) if shown else (self.left, self.right)
        return (left, right) if self.spectrum.side == "right" else (right, left)

    def sympy_factors(self):
        """``(U, S, V)`` as SymPy matrices of the form."""
        U, V = self.factors(shown=True)
        m, n = self.spectrum.field.matrix.shape
        S = Matrix.zeros(len(U) if self.form != "full" else m, len(V) if self.form != "full" else n)
        for i, s in enumerate(self.shown):
            S[i, i] = s
        return (_matrix(U, m), S, _matrix(V, n))


def _nested(tower, element):
    """Whether *element* involves a root of something that is not a rational function."""
    used = 0
    for mask in element.terms:
        used |= mask
    return any(used >> i & 1 and tower.radicands[i].in_base() is None for i in range(used.bit_length()))


def _matrix(columns, rows):
    return Matrix(rows, len(columns), lambda i, j: columns[j][i])
