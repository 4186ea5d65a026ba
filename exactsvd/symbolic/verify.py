"""Proofs of ``U^T U = I``, ``V^T V = I`` and ``U S V^T = A`` as identities in the tower of square roots.

(``U^H U``, ``V^H V``, ``U S V^H`` with complex parameters: the conjugation of ``F`` swaps ``x`` and
``conjugate(x)`` and ``i``, ``-i``, and fixes the generators, whose radicands are real.)

Every entry is an element of ``F[y_1, ..., y_k]/(y_i^2 - d_i)``, kept reduced;
an identity whose difference reduces to zero holds for every choice of the
square roots with ``y_i^2 = d_i`` -- in particular for the real values the
SymPy expressions take -- at every parameter value where the rational
functions involved are defined, which is what the conditions ask.  No
sampling, no ``simplify``.  Non-negative singular values: each is ``|g|``,
``|g| sqrt(q)`` or ``sqrt(lambda)`` by construction; the order is proved by
:mod:`exactsvd.symbolic.signs` or stated in the conditions.
"""

from ..errors import VerificationError


def verify_decomposition(decomposition):
    """``True`` when the three identities reduce to zero; else :class:`~exactsvd.errors.VerificationError`."""
    tower = decomposition.spectrum.tower
    W = decomposition.spectrum.working.to_list()
    U, V = decomposition.left, decomposition.right
    m, n = len(W), len(W[0]) if W else 0
    conj = tower.conjugate_element
    for name, columns in (("U", U), ("V", V)):
        for i, a in enumerate(columns):
            a = [conj(e) for e in a]
            for j in range(i, len(columns)):
                value = _dot(tower, a, columns[j]) - (1 if i == j else 0)
                if value:
                    raise VerificationError(f"{name}^H {name} = I fails at ({i + 1}, {j + 1})")
    for i in range(m):
        for j in range(n):
            total = tower.base(W[i][j])
            for k, s in enumerate(decomposition.singular_values):
                total = total - U[k][i] * s * conj(V[k][j])
            if total:
                raise VerificationError(f"U S V^H = A fails at entry ({i + 1}, {j + 1})")
    return True


def _dot(tower, a, b):
    total = tower.zero()
    for x, y in zip(a, b):
        total = total + x * y
    return total
