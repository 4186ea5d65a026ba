"""Faithful pickling of the SymPy domain objects that the exact core's data holds.

A worker process sends its result back pickled.  Two SymPy classes do not
survive a plain round trip: an ``AlgebraicField`` caches a local function (not
picklable), and a ``Poly`` is pickled through its expression, so it comes back
over the domain ``EX`` instead of its number field; mpmath's matrix class
(what the numeric path returns) is made per context and cannot be found by
name.  :func:`register` teaches :mod:`pickle` to carry them as they are; it is
idempotent.
"""

import copyreg

import mpmath
from sympy import Poly, PurePoly
from sympy.polys.domains.algebraicfield import AlgebraicField


def _new_field():
    return AlgebraicField.__new__(AlgebraicField)


def _reduce_field(field):
    state = {key: value for key, value in vars(field).items() if key != "_converter"}
    return _new_field, (), state


def _reduce_poly(poly):
    return type(poly).new, (poly.rep, *poly.gens)


def _mp_matrix(rows, cols, entries):
    matrix = mpmath.mp.matrix(rows, cols)
    for (i, j), value in entries:
        matrix[i, j] = value
    return matrix


def _reduce_mp_matrix(matrix):
    return _mp_matrix, (matrix.rows, matrix.cols, list(matrix._matrix__data.items()))


def register():
    """Register the reducers with :mod:`copyreg` (for every pickler of this process and its forks)."""
    copyreg.pickle(AlgebraicField, _reduce_field)
    for cls in (Poly, PurePoly):
        copyreg.pickle(cls, _reduce_poly)
    copyreg.pickle(mpmath.mp.matrix, _reduce_mp_matrix)
