"""``method="numeric"`` for complex matrices: ``A ~ U S V^H`` with a certified error bound.

Every result goes through :func:`checker.check_numeric_svd`, which forms the
residual and the unitarity defects exactly from the returned binary numbers
and compares ``U``, ``V`` with the exact canonical factors (checked by
:func:`checker.check_svd`): the phase rule, the hand bases inside repeated
values and kernels.
"""

import mpmath
import pytest
from checker import check_numeric_svd, check_svd
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import I, ImmutableMatrix, Matrix, exp, pi, sqrt
from test_complex import PEERS, fourier

import exactsvd
from exactsvd.cli import main
from exactsvd.numeric import numeric_svd

FORMS = ("full", "thin", "compact")


def numeric_checked(A, form="full", dps=30):
    exact = exactsvd.svd(A, form=form)
    check_svd(A, exact, form, hand_method=False)
    r = exactsvd.svd(A, form=form, method="numeric", dps=dps)
    check_numeric_svd(ImmutableMatrix(A), r, exact)
    assert r.verify() is True and r.digits >= dps - 2
    return r


@pytest.mark.parametrize("A", PEERS)
@pytest.mark.parametrize("form", FORMS)
def test_peer_cases(A, form):
    numeric_checked(A, form)


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_fourier_matrices_get_the_hand_basis_of_their_one_repeated_value(n):
    r = numeric_checked(fourier(n), dps=25)
    assert r.rank == n


@pytest.mark.parametrize(
    "A",
    [
        pytest.param(Matrix([[1, I], [I, -1]]), id="rank-1-square"),
        pytest.param(Matrix([[1, I, 2], [I, -1, 2 * I], [0, 0, 0]]), id="rank-1-3x3"),
        pytest.param(Matrix([[1 + I, 2], [2 - 2 * I, 2 - 2 * I], [I, 1]]), id="rank-2-tall"),
        pytest.param(Matrix([[1, I, 0, 1], [0, 1, I, 1]]), id="wide-kernel"),
        pytest.param(Matrix([[2 * I, 0], [0, 2]]) * Matrix([[1, I], [I, 1]]) / sqrt(2), id="scaled-unitary"),
    ],
)
@pytest.mark.parametrize("form", FORMS)
def test_rank_deficient_and_repeated(A, form):
    numeric_checked(A, form)


def test_phase_rule_numerically():
    r = exactsvd.svd([[I, 1], [0, 2 * I]], method="numeric", dps=20)
    for k in range(2):
        first = r.V[0, k]
        assert first.is_Float and first > 0


def test_irrational_complex_entries_are_evaluated_and_covered():
    A = Matrix([[exp(I), sqrt(2) * I], [pi, 1]])  # numeric_svd itself reads any number (svd wants algebraic ones)
    r = numeric_svd(A, dps=20)
    assert "4 irrational entries evaluated by SymPy" in r.note and r.error_bound.residual < 1e-20
    with mpmath.workdps(40):
        M = mpmath.matrix([[mpmath.exp(1j), mpmath.sqrt(2) * 1j], [mpmath.pi, 1]])
        truth = mpmath.svd_c(M, compute_uv=False)
        for s, t in zip(r.singular_values, truth):
            assert abs(mpmath.mpf(s) - t) <= r.error_bound.singular_values


def test_numpy_complex_arrays_and_auto():
    numpy = pytest.importorskip("numpy", reason="NumPy arrays need NumPy (the 'fast' extra)")
    A = numpy.array([[1, 1j], [2, 3 - 0.5j]])
    exact = Matrix([[1, I], [2, 3 - I / 2]])
    for method in ("numeric", "auto"):
        r = exactsvd.svd(A, method=method, dps=20)
        assert r.method == "numeric" and r.is_complex
        check_numeric_svd(exact, r, exactsvd.svd(exact))
    assert numpy.allclose([float(s) for s in r.singular_values], numpy.linalg.svd(A, compute_uv=False))


def test_auto_falls_back_to_numeric_for_complex_input_over_its_budget():
    A = Matrix(16, 16, lambda i, j: (7 * i * i + 3 * j + i * j) % 19 - 9 + ((5 * i + j**3) % 17 - 8) * I)
    r = exactsvd.svd(A, method="auto", timeout=2, dps=20)  # the exact cost estimate is over 2 s
    assert r.method == "numeric" and r.is_complex and r.note.startswith("numeric: the exact answer")
    assert r.verify() and r.rank == 16


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_random_gaussian_matrices_of_every_rank(data):
    m, n = data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4))
    rank = data.draw(st.integers(0, min(m, n)))
    part = st.integers(-3, 3)
    entry = st.builds(lambda a, b: a + b * I, part, part)
    left = Matrix(m, rank, lambda i, j: data.draw(entry))
    right = Matrix(rank, n, lambda i, j: data.draw(entry))
    A = ImmutableMatrix(left * right if rank else Matrix.zeros(m, n))
    numeric_checked(A.applyfunc(lambda e: e.expand()), data.draw(st.sampled_from(FORMS)), dps=20)


def test_cli_numeric_prints_conjugate_transposes(capsys):
    assert main(["numeric", "[[1, i], [i, -1]]", "--dps", "10"]) == 0
    out = capsys.readouterr().out
    assert "||A - U S V^H||" in out and "||U^H U - I||" in out and "0.70710678*I" in out
