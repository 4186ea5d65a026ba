"""The generic SVD of a matrix with parameters, as elements of a tower of square roots over ``F``.

``v_i = w_i / sqrt(N_i)`` (``w_i`` the eigenvector of the hand method,
``N_i = w_i . w_i``), ``s_i = sqrt(lambda_i)``, ``u_i = A v_i / s_i``, the
left (and right) kernel completed by orthonormalised RREF bases; every entry
is an element of the spectrum's :class:`~exactsvd.symbolic.tower.Tower`, so
:mod:`exactsvd.symbolic.verify` proves the identities exactly.
"""

from sympy import Matrix

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
                self.right.append([a / length for a in w])
                scale = length * s
                self.left.append([specialise(tower, eigenvalue, a, space.field) / scale for a in partner])
                self.singular_values.append(s)
                self.shown.append(spectrum.singular_value_expr(eigenvalue))
        rank = len(self.singular_values)
        m, n = spectrum.working.shape
        left, right = kernel_counts((m, n), rank, form)
        left = m - rank if left is None else left
        right = n - rank if right is None else right
        for columns, (vectors, norms) in ((self.left, left_kernel(spectrum, left)),
                                          (self.right, zero_space(spectrum, right))):
            for w, norm in zip(vectors, norms):
                w = [tower.base(a) for a in w]
                length = square_root(tower, norm, symbols) * (self._lead_sign(w) or 1)
                columns.append([a / length for a in w])
        self.conditions = conditions_of(self)

    def _lead_sign(self, vector):
        """The sign of the first entry of *vector* that is not identically zero, when decided (else ``None``)."""
        lead = next((a for a in vector if a), None)
        return None if lead is None else self.spectrum.sign(lead)

    @property
    def rank(self):
        return len(self.singular_values)

    def factors(self):
        """``(U, S, V)`` of ``A`` as lists: columns of tower elements, and the singular values (with zeros) of ``S``."""
        if self.spectrum.side == "right":
            return self.left, self.right
        return self.right, self.left

    def sympy_factors(self):
        """``(U, S, V)`` as SymPy matrices of the form."""
        tower = self.spectrum.tower
        U, V = self.factors()
        m, n = self.spectrum.field.matrix.shape
        S = Matrix.zeros(len(U) if self.form != "full" else m, len(V) if self.form != "full" else n)
        for i, s in enumerate(self.shown):
            S[i, i] = s
        return (_matrix(tower, U, m), S, _matrix(tower, V, n))


def _matrix(tower, columns, rows):
    return Matrix(rows, len(columns), lambda i, j: tower.expr(columns[j][i]))
