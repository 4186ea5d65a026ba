"""Pickling of the polynomial rings and rational function fields a symbolic result holds.

A result computed under ``timeout=`` comes back from a worker process
pickled.  SymPy's ``PolyRing.__getstate__`` deletes keys of the dict it
iterates (``RuntimeError``), so rings, and the fields of fractions over
them, are pickled here by what they are made of (SymPy caches them by it).
:func:`register` is idempotent.
"""

import copyreg

from sympy.polys.fields import FracField
from sympy.polys.rings import PolyRing


def _reduce_ring(ring):
    return PolyRing, (ring.symbols, ring.domain, ring.order)


def _reduce_field(field):
    return FracField, (field.symbols, field.domain, field.order)


def register():
    """Register the reducers with :mod:`copyreg`."""
    copyreg.pickle(PolyRing, _reduce_ring)
    copyreg.pickle(FracField, _reduce_field)
