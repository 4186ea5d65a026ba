"""Quantum information with the exact complex SVD: Schmidt decompositions and quantum gates.

A two-qubit state ``|psi> = sum c_jk |j>|k>`` has the coefficient matrix
``C = [[c_00, c_01], [c_10, c_11]]``; its SVD ``C = U S V^H`` is the Schmidt
decomposition ``|psi> = sum s_i |u_i>|conj(v_i)>``: the singular values are the
Schmidt coefficients (their squares add up to 1), the number of non-zero ones
is the Schmidt rank (1: a product state, 2: entangled), and ``s_1 = s_2 =
1/sqrt(2)`` means maximally entangled.  Then the SVDs of the Pauli matrices,
the Hadamard gate and the quantum Fourier transform on two qubits (4×4): unitary
matrices, so every singular value is 1.  Everything is exact and proved by
``verify()`` (``U^H U = I``, ``V^H V = I``, ``U S V^H = A``).

Run it from the repository root::

    python examples/quantum_schmidt.py
"""

import sys
from pathlib import Path

from sympy import I, Matrix, expand, sqrt

try:
    import exactsvd
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import exactsvd

#: Two-qubit states by their coefficient matrices C[j, k] = <jk|psi>.
STATES = {
    "Bell state (|00> + |11>)/sqrt(2)": Matrix([[1, 0], [0, 1]]) / sqrt(2),
    "product state |+>|0> = (|00> + |10>)/sqrt(2)": Matrix([[1, 0], [1, 0]]) / sqrt(2),
    "partially entangled (|00> + |01> + i|10>)/sqrt(3)": Matrix([[1, 1], [I, 0]]) / sqrt(3),
}

#: Quantum gates (unitary matrices).
GATES = {
    "Pauli X": Matrix([[0, 1], [1, 0]]),
    "Pauli Y": Matrix([[0, -I], [I, 0]]),
    "Pauli Z": Matrix([[1, 0], [0, -1]]),
    "Hadamard H": Matrix([[1, 1], [1, -1]]) / sqrt(2),
    "QFT on 2 qubits (4x4)": Matrix(4, 4, lambda j, k: I ** (j * k)) / 2,
}


def schmidt(C):
    """The Schmidt decomposition of the state with coefficient matrix *C*: ``(result, coefficients, rank)``."""
    result = exactsvd.svd(C)
    result.verify()
    return result, result.singular_values, result.rank


def describe(rank, coefficients):
    """Product, maximally entangled or partially entangled, from the Schmidt coefficients."""
    if rank == 1:
        return "a product state (Schmidt rank 1)"
    if len(set(coefficients)) == 1:
        return f"maximally entangled (Schmidt rank {rank}, equal coefficients)"
    return f"entangled (Schmidt rank {rank})"


def main():
    print("Schmidt decompositions |psi> = sum s_i |u_i> |conj(v_i)>, from C = U S V^H")
    for name, C in STATES.items():
        result, coefficients, rank = schmidt(C)
        total = expand(sum(s**2 for s in coefficients))
        print(f"\n{name}")
        print(f"  C = {C.tolist()}")
        print(f"  Schmidt coefficients: {', '.join(map(str, coefficients))} (squares add up to {total})")
        print(f"  U = {result.U.tolist()}")
        print(f"  V = {result.V.tolist()}")
        print(f"  {describe(rank, coefficients)}; verified exactly: {result.verify()}")
    print("\nQuantum gates: unitary, so every singular value is 1")
    for name, G in GATES.items():
        result = exactsvd.svd(G)
        print(f"\n{name} = {G.tolist()}")
        print(f"  singular values: {', '.join(map(str, result.singular_values))}")
        print(f"  U = {result.U.tolist()}")
        print(f"  V = {result.V.tolist()}")
        print(f"  verified exactly (U^H U = I, V^H V = I, U S V^H = G): {result.verify()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
