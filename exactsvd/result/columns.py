"""From exact SVD data to SymPy numbers: the only place where radicals appear.

A pair with Gram-side eigenvector ``w`` (squared norm ``n``) and partner
vector ``B w`` (squared norm ``theta n``) has the unit vectors ``w / sqrt(n)``
and ``B w / sqrt(theta n)``.  For roots of degree ``d <= 2`` each entry is
written as one signed radical, ``+-sqrt(w_j^2 / n)`` (denested where
possible), which is how a textbook prints it; for ``CRootOf`` roots
(``d >= 3``) it is ``w_j / sqrt(n)`` and ``(B w)_j / (s sqrt(n))``, which
keeps the coefficients small.

A :class:`PairColumn` converts one entry at a time; what all entries of a
column share (``1/sqrt(n)``, the powers of the root) is computed once.
"""

from sympy import Integer, ImmutableMatrix

from ..core.expressions import scaled
from ..core.radicals import radical


class PairColumn:
    """One singular vector of a pair (its Gram side or its partner side), entry by entry.

    Parameters
    ----------
    pair : SingularPair
    partner : bool
        ``False``: the unit vector ``w / sqrt(n)`` of the Gram matrix;
        ``True``: ``B w / sqrt(theta n)``.
    """

    def __init__(self, pair, partner):
        space = pair.space
        self.field = field = space.field
        self.root = pair.root
        self.sign = pair.sign
        norm = space.norms[pair.index]
        self.vector = space.partner_vectors[pair.index] if partner else space.gram_vectors[pair.index]
        self.norm = norm * field.theta if partner else norm
        if field.degree <= 2:
            self._inverse = field.domain.one / self.norm
        else:
            root_norm = field.sqrt_expr(norm, self.root)
            self._factor = 1 / (field.singular_value(self.root) * root_norm) if partner else 1 / root_norm
        self._entries = {}

    def __len__(self):
        return len(self.vector)

    def entry(self, i):
        """Entry *i* as a SymPy number (converted once, then cached)."""
        if i not in self._entries:
            self._entries[i] = self._convert(self.vector[i])
        return self._entries[i]

    def _convert(self, v):
        if not v:
            return Integer(0)
        field = self.field
        if field.degree <= 2:
            return self.sign * field.sign_at(v, self.root) * field.sqrt_expr(v * v * self._inverse, self.root)
        return scaled(field.expr(v if self.sign > 0 else -v, self.root), self._factor)

    def entries(self):
        """All entries, as a list."""
        return [self.entry(i) for i in range(len(self))]


class KernelColumn:
    """One normalised kernel vector ``k / sqrt(|k|^2)`` over the field of the entries."""

    def __init__(self, vector, norm, domain):
        self.vector, self.norm, self.domain = vector, norm, domain
        self._entries = None

    def __len__(self):
        return len(self.vector)

    def entries(self):
        if self._entries is None:
            to_sympy = self.domain.to_sympy
            self._entries = radical(1 / to_sympy(self.norm), [to_sympy(a) for a in self.vector])
        return self._entries

    def entry(self, i):
        return self.entries()[i]


def pair_columns(pair):
    """``(gram_column, partner_column)`` of a :class:`SingularPair` as lists of SymPy numbers."""
    return PairColumn(pair, False).entries(), PairColumn(pair, True).entries()


def kernel_columns(kernel, domain):
    """The normalised kernel vectors as lists of SymPy numbers."""
    return [KernelColumn(vector, norm, domain).entries() for vector, norm in zip(kernel.vectors, kernel.norms)]


def matrix_from_columns(columns, rows):
    """An immutable ``rows × len(columns)`` matrix with the given columns."""
    return ImmutableMatrix(rows, len(columns), lambda i, j: columns[j][i]) if columns else ImmutableMatrix.zeros(rows, 0)


def diagonal(values, rows, cols):
    """The ``rows × cols`` matrix with *values* on its diagonal."""
    return ImmutableMatrix(rows, cols, lambda i, j: values[i] if i == j and i < len(values) else Integer(0))
