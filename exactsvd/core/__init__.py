"""The exact core: Gram matrix, spectrum, eigenvectors over number fields, kernels.

Everything here works on domain-level objects (``DomainMatrix`` over ``QQ`` and
over the number field of each eigenvalue factor, ``Poly``); nothing here reads
user input or formats output.
"""

from .decompose import ExactDecomposition, decompose
from .spectrum import Spectrum, spectrum

__all__ = ["ExactDecomposition", "Spectrum", "decompose", "spectrum"]
