"""``examples/quantum_schmidt.py``: exact Schmidt decompositions and gate SVDs, checked and run."""

import importlib.util
from pathlib import Path

import pytest
from checker import check_svd
from sympy import I, Matrix, expand, sqrt
from test_examples import run_example

ROOT = Path(__file__).resolve().parent.parent


def load():
    spec = importlib.util.spec_from_file_location("quantum_schmidt", ROOT / "examples" / "quantum_schmidt.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quantum = load()


@pytest.mark.parametrize(
    "name, coefficients, rank",
    [
        ("Bell state (|00> + |11>)/sqrt(2)", (sqrt(2) / 2, sqrt(2) / 2), 2),
        ("product state |+>|0> = (|00> + |10>)/sqrt(2)", (1, 0), 1),
        # C^H C = [[2, 1], [1, 1]] / 3: eigenvalues (3 +- sqrt(5))/6, square roots (sqrt(15) +- sqrt(3))/6
        ("partially entangled (|00> + |01> + i|10>)/sqrt(3)", ((sqrt(15) + sqrt(3)) / 6, (sqrt(15) - sqrt(3)) / 6), 2),
    ],
)
def test_schmidt_coefficients(name, coefficients, rank):
    C = quantum.STATES[name]
    result, found, found_rank = quantum.schmidt(C)
    assert found == coefficients and found_rank == rank
    assert expand(sum(s**2 for s in found)) == 1  # a normalised state
    check_svd(C, result)


@pytest.mark.parametrize("name", list(quantum.GATES))
def test_gates_are_unitary(name):
    G = quantum.GATES[name]
    result = quantum.schmidt(G)[0]
    assert result.singular_values == (1,) * G.rows
    check_svd(G, result)


def test_pauli_y_exactly():
    U, S, V = quantum.schmidt(Matrix([[0, -I], [I, 0]]))[0]
    assert (U, S, V) == (Matrix([[0, -I], [I, 0]]), Matrix.eye(2), Matrix.eye(2))


def test_example_runs_and_reports():
    done = run_example("quantum_schmidt.py")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "maximally entangled (Schmidt rank 2, equal coefficients); verified exactly: True" in out
    assert "a product state (Schmidt rank 1); verified exactly: True" in out
    assert "Schmidt coefficients: sqrt(3)/6 + sqrt(15)/6, -sqrt(3)/6 + sqrt(15)/6 (squares add up to 1)" in out
    assert out.count("verified exactly (U^H U = I, V^H V = I, U S V^H = G): True") == len(quantum.GATES)
