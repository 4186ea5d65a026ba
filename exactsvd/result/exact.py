"""Assemble an exact :class:`SVDResult` over an :class:`ExactDecomposition`.

The result keeps the core's data; :class:`ExactFactors` turns it into SymPy
numbers only when asked, entry by entry, and caches what a column shares.
"""

from sympy import ImmutableMatrix, Integer

from ..errors import InvalidArgumentError, shorten
from .certificate import certify
from .columns import KernelColumn, PairColumn, diagonal
from .data import ExactVector, SingularValueData
from .decimals import decimal_factors
from .forms import FACTORS
from .svdresult import SVDResult

def exact_result(matrix, decomposition, form, values=None):
    """The exact :class:`SVDResult` of *matrix* (SymPy) with the data *decomposition*.

    *values*: the :func:`singular_value_list` when already built (by a worker process, within its deadline).
    """
    if values is None:
        values = singular_value_list(decomposition.spectrum, min(decomposition.shape))
    exact = ExactFactors(decomposition, values, form)
    return SVDResult(
        matrix,
        exact.factors,
        values,
        decomposition.rank,
        form,
        lambda: certify(decomposition, form),
        "exact",
        lambda digits: decimal_factors(decomposition, digits),
        decomposition=decomposition,
        exact=exact,
    )


def singular_value_list(spectrum, count):
    """The *count* singular values of a :class:`Spectrum`, descending, zeros last."""
    values = [e.field.singular_value(e.root) for e in spectrum.eigenvalues for _ in range(e.multiplicity)]
    return tuple(values) + (Integer(0),) * (count - len(values))


def factor_shapes(shape, rank, form):
    """``{"U": (m, k), "S": (k, k), "V": (n, k)}`` for *form* (full: ``S`` is m×n, ``U`` m×m, ``V`` n×n)."""
    m, n = shape
    if form == "full":
        return {"U": (m, m), "S": (m, n), "V": (n, n)}
    k = min(m, n) if form == "thin" else rank
    return {"U": (m, k), "S": (k, k), "V": (n, k)}


class ExactFactors:
    """The entries of ``U``, ``S``, ``V`` of one form, converted to SymPy on demand.

    Columns are converted entry by entry; the factor a column's entries share
    (``1/sqrt(n)``, the powers of its root) is computed once per column, and
    each entry once.
    """

    def __init__(self, decomposition, values, form):
        self.decomposition = decomposition
        self.values = values
        self.form = form
        self.shapes = factor_shapes(decomposition.shape, decomposition.rank, form)
        self._columns = {}
        self._matrices = {}

    def factors(self):
        """``(U, S, V)`` as SymPy matrices."""
        return tuple(self.matrix(name) for name in FACTORS)

    def matrix(self, name):
        """The factor *name* (``"U"``, ``"S"`` or ``"V"``) as an ``ImmutableMatrix``, built once."""
        if name not in self._matrices:
            rows, cols = self.shape(name)
            if name == "S":
                self._matrices[name] = diagonal(self.values, rows, cols)
            else:
                columns = [self._column(name, j).entries() for j in range(cols)]
                flat = [columns[j][i] for i in range(rows) for j in range(cols)]
                self._matrices[name] = ImmutableMatrix(rows, cols, flat)
        return self._matrices[name]

    def shape(self, name):
        if name not in FACTORS:
            raise InvalidArgumentError(f"factor {shorten(name)} is not one of 'U', 'S', 'V'")
        return self.shapes[name]

    def entry(self, name, i, j):
        """Entry ``(i, j)`` of the factor *name*, converted alone (and cached)."""
        rows, cols = self.shape(name)
        for index, size, what in ((i, rows, "row"), (j, cols, "column")):
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < size:
                raise InvalidArgumentError(
                    f"{what} {shorten(index)} is outside {name} ({rows}x{cols}); pass an int from 0 to {size - 1}"
                )
        if name == "S":
            return self.values[i] if i == j and i < len(self.values) else Integer(0)
        return self._column(name, j).entry(i)

    def _column(self, name, j):
        """Column *j* of ``U`` or ``V``: a :class:`PairColumn` or a :class:`KernelColumn`."""
        key = (name, j)
        if key not in self._columns:
            d = self.decomposition
            if j < d.rank:
                partner = (name == "U") == (d.spectrum.side == "right")
                self._columns[key] = PairColumn(d.pairs[j], partner)
            else:
                kernel = d.left_kernel if name == "U" else d.right_kernel
                self._columns[key] = KernelColumn(kernel.vectors[j - d.rank], kernel.norms[j - d.rank], d.matrix.domain)
        return self._columns[key]

    # ------------------------------------------------------------------ the data

    def column_data(self, name, j):
        """Column *j* of ``U`` or ``V`` as an :class:`ExactVector`."""
        if name not in ("U", "V"):
            raise InvalidArgumentError(f"factor {shorten(name)} has no columns of vectors; use 'U' or 'V'")
        cols = self.shape(name)[1]
        if isinstance(j, bool) or not isinstance(j, int) or not 0 <= j < cols:
            raise InvalidArgumentError(f"column {shorten(j)} is outside {name}; pass an int from 0 to {cols - 1}")
        column = self._column(name, j)
        if isinstance(column, KernelColumn):
            to_sympy = column.domain.to_sympy
            return ExactVector(tuple((to_sympy(a),) for a in column.vector), (to_sympy(column.norm),), None)
        field = column.field
        to_sympy = field.base.to_sympy

        def coefficients(a):
            return tuple(to_sympy(c) for c in field.coefficients(a))

        return ExactVector(
            tuple(coefficients(a if column.sign > 0 else -a) for a in column.vector),
            coefficients(column.norm),
            j,
        )

    def singular_data(self):
        """One :class:`SingularValueData` per positive singular value, descending."""
        d = self.decomposition
        records = []
        for i, pair in enumerate(d.pairs):
            field = pair.space.field
            root = field.roots[pair.root]
            u, v = (self.column_data(name, i) for name in ("U", "V"))
            records.append(
                SingularValueData(
                    index=i,
                    value=self.values[i],
                    eigenvalue=field.root_expr(pair.root),
                    minimal_polynomial=root.poly,
                    root_index=root.index,
                    interval=(root.lo, root.hi),
                    factor=field.factor,
                    multiplicity=len(pair.space.norms),
                    u=u,
                    v=v,
                )
            )
        return tuple(records)
