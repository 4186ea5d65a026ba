"""Complex matrices: the exact unitary SVD ``A = U S V^H`` (rule 8 of docs/conventions.md).

Every decomposition goes through :func:`checker.check_svd`, which for complex
``A`` checks ``U^H U = I``, ``V^H V = I``, ``U S V^H = A`` at 50 digits
independently of ``verify()``, the phase rule (first non-zero entry of every
``v_i`` and unpaired ``u_i`` real and positive), ``u_i = A v_i / s_i`` and the
hand method's bases with the Hermitian inner product.
"""

import pytest
import sympy
from checker import check_svd
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import I, ImmutableMatrix, Matrix, Rational, exp, eye, pi, sqrt

import exactsvd
from exactsvd.core.gaussian import Gaussian

FORMS = ("full", "thin", "compact")


def fourier(n):
    """The Fourier matrix ``F_n = [w^(jk)]``, ``w = exp(-2 pi i / n)`` (unnormalised: all singular values sqrt(n))."""
    w = exp(-2 * pi * I / n)
    return ImmutableMatrix(n, n, lambda j, k: w ** (j * k))


def svd_checked(A, form="full"):
    r = exactsvd.svd(A, form=form)
    check_svd(A, r, form)
    return r


# Complex cases of the peers' own suites, written exactly.
PEERS = [
    pytest.param(Matrix([[0, 1], [I, 0]]), id="sympy-0-1-i-0"),
    pytest.param(Matrix([[-2 * I, -1 - 3 * I, -2 + 2 * I], [2 - 2 * I, -1 - 3 * I, 1], [-3 + I, -2 * I, 0]]), id="mpmath-svd_c-doctest"),
    pytest.param(Matrix([[1, -3 - I], [-3 + I, -2]]), id="mpmath-eighe-doctest-1"),
    pytest.param(Matrix([[1, 2 + 5 * I], [2 - 5 * I, 3]]), id="mpmath-eighe-doctest-2"),
    pytest.param(Matrix([[2, -11 * I, 0], [11 * I, 3, 29 * I], [0, -29 * I, 5]]), id="mpmath-eighe-test"),
    pytest.param(Matrix([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]]), id="numpy-cdouble-square"),
    pytest.param(Matrix([[1 + I, 2 + 2 * I, 3 - 3 * I], [3 - 5 * I, 4 + 9 * I, 6 + 2 * I]]), id="numpy-cdouble-wide"),
    pytest.param(Matrix([[1 + I, 2 + 2 * I], [3 - 3 * I, 4 - 9 * I], [5 - 4 * I, 6 + 8 * I]]), id="numpy-cdouble-tall"),
]


@pytest.mark.parametrize("A", PEERS)
@pytest.mark.parametrize("form", FORMS)
def test_peer_cases(A, form):
    svd_checked(A, form)


@pytest.mark.parametrize("n", range(2, 9))
def test_fourier_matrices(n):
    r = svd_checked(fourier(n))
    assert r.singular_values == (sqrt(n),) * n


def test_sympy_example_exact_answer():
    U, S, V = svd_checked([[0, 1], [I, 0]])
    assert (U, S, V) == (Matrix([[0, 1], [I, 0]]), eye(2), eye(2))


def test_phase_rule_one_by_one():
    """``A = [1 + i]``: ``s = sqrt(2)``, ``v = 1`` (real, positive), ``u = A v / s = (1 + i)/sqrt(2)``."""
    U, S, V = svd_checked([[1 + I]])
    assert S == Matrix([[sqrt(2)]]) and V == Matrix([[1]])
    assert U == Matrix([[sqrt(2) / 2 + sqrt(2) * I / 2]])


def test_phase_rule_makes_first_entry_real():
    """``A = [[i, 1]]`` (wide: ``A A^H = [2]``, ``u = 1``): ``v = A^H u / s = (-i, 1)/sqrt(2)``; the phase rule
    multiplies the pair by ``conj(-i) = i``: ``v = (1, i)/sqrt(2)``, ``u = i``."""
    U, S, V = svd_checked([[I, 1]])
    assert S == Matrix([[sqrt(2), 0]])
    assert V[:, 0] == Matrix([sqrt(2) / 2, sqrt(2) * I / 2])
    assert U == Matrix([[I]])
    # the kernel: rref [1, -i] gives (i, 1), times conj(i): (1, -i)/sqrt(2)
    assert V[:, 1] == Matrix([sqrt(2) / 2, -sqrt(2) * I / 2])


def test_scaled_unitary_has_one_repeated_value():
    A = 3 * Matrix([[1, 1], [I, -I]])
    r = svd_checked(A)
    assert r.singular_values == (3 * sqrt(2), 3 * sqrt(2))
    assert r.V == eye(2)  # A^H A = 18 I: the hand basis is the standard one


@pytest.mark.parametrize(
    "A, rank",
    [
        ([[1, I], [I, -1]], 1),
        ([[1, I, 1 + I], [I, -1, I - 1]], 1),
        ([[1, I, 0], [0, 1, I], [1, 2 * I, -1]], 2),
        ([[0, 0], [0, 0], [I, 1 - I]], 1),
    ],
)
@pytest.mark.parametrize("form", FORMS)
def test_rank_deficient(A, rank, form):
    assert svd_checked(A, form).rank == rank


def test_algebraic_complex_entries():
    svd_checked([[sqrt(2) * I, 1], [0, 1 + I]])
    svd_checked([[(-8) ** Rational(1, 3), 1], [0, 1]])  # the principal root 1 + sqrt(3) i
    svd_checked([[(1 + sqrt(3) * I) / 2, 1], [1, (1 - sqrt(3) * I) / 2]])


def test_entries_written_as_powers_of_a_root_of_unity():
    """Powers of ``w = (1 + i)/sqrt(2)`` stay unexpanded in SymPy; the real ones (w^4 = -1) must not carry I."""
    w = "(sqrt(2)/2 + sqrt(2)/2*i)"
    text = "[" + ", ".join("[" + ", ".join(f"{w}^{(j * k) % 8}" for k in range(8)) + "]" for j in range(8)) + "]"
    r = svd_checked(exactsvd.svd(text).matrix)
    assert r.singular_values == (2 * sqrt(2),) * 8
    for real_row in (f"[[{w}^8, 1]]", f"[[{w}^4, sqrt(2)]]", f"[[({w})^4, {w}]]"):
        svd_checked(exactsvd.svd(real_row).matrix)
    assert exactsvd.svd(f"[[{w}^4, sqrt(2)]]").singular_values == (sqrt(3),)


def test_text_input():
    r = exactsvd.svd("1+2i 3; 4j -1")
    assert r.matrix == Matrix([[1 + 2 * I, 3], [4 * I, -1]])
    check_svd(r.matrix, r)
    assert exactsvd.svd("[[0, 1], [sqrt(-1), 0]]").U == Matrix([[0, 1], [I, 0]])


def test_singular_values_function():
    assert exactsvd.singular_values([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]]) == (sqrt(19) + sqrt(23), sqrt(23) - sqrt(19))
    assert exactsvd.singular_values(fourier(4)) == (2, 2, 2, 2)


def test_auto_method_takes_the_exact_complex_path():
    r = exactsvd.svd([[1, I], [2, 0]], method="auto")
    assert r.method == "exact" and r.note.startswith("exact")
    check_svd([[1, I], [2, 0]], r)


def test_complex_floats():
    with pytest.raises(exactsvd.NotExactError, match="rationalize=True"):
        exactsvd.svd([[0.5 + 1j]])
    r = exactsvd.svd([[0.5 + 1j, 0], [0, 2j]], rationalize=True)
    assert r.matrix == Matrix([[Rational(1, 2) + I, 0], [0, 2 * I]])


@pytest.mark.parametrize("entry", [exp(I), pi * I])
def test_non_algebraic_entries_are_named(entry):
    with pytest.raises(exactsvd.UnsupportedEntryError, match=r"not algebraic"):
        exactsvd.svd([[entry, 1]])


def test_evalf_of_a_complex_result():
    r = exactsvd.svd([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]]).evalf(30)
    exact = exactsvd.svd([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]])
    for M, N in zip(r, exact):
        for a, b in zip(M, N):
            assert abs(sympy.N(a - b, 40)) < sympy.Rational(1, 10**28) * max(1, abs(sympy.N(b)))


def test_verify_catches_a_wrong_decomposition():
    r = exactsvd.svd([[1 + I, 2], [0, I]])
    pair = r.decomposition.pairs[0]
    space = pair.space
    vector = list(space.gram_vectors[0])
    vector[0] = vector[0] + Gaussian(vector[0].re * 0 + 1, vector[0].im * 0)
    object.__setattr__(space, "gram_vectors", (tuple(vector),) + space.gram_vectors[1:])
    with pytest.raises(exactsvd.VerificationError, match="V V\\^H != I"):
        r.verify()


def test_real_input_keeps_the_real_path():
    r = exactsvd.svd([[3, 0], [4, 5]])
    assert not getattr(r, "is_complex", False)
    assert r.decomposition.matrix.domain == sympy.QQ


@st.composite
def gaussian_matrix(draw, max_size=5, bound=3):
    """A Gaussian-integer matrix up to ``max_size`` square, of any rank (a product ``B C`` of random inner size)."""
    m = draw(st.integers(1, max_size), label="rows")
    n = draw(st.integers(1, max_size), label="cols")
    entry = st.builds(lambda a, b: a + b * I, st.integers(-bound, bound), st.integers(-bound, bound))

    def block(rows, cols):
        return ImmutableMatrix(rows, cols, draw(st.lists(entry, min_size=rows * cols, max_size=rows * cols)))

    if draw(st.booleans(), label="low rank"):
        k = draw(st.integers(0, min(m, n)), label="rank at most")
        return ImmutableMatrix(block(m, k) * block(k, n)).applyfunc(sympy.expand) if k else ImmutableMatrix.zeros(m, n)
    return block(m, n)


@settings(max_examples=40, deadline=None)
@given(gaussian_matrix(), st.sampled_from(FORMS))
def test_random_gaussian_matrices(A, form):
    svd_checked(A, form)


# --------------------------------------------------------------------------- applications


@pytest.mark.parametrize(
    "A",
    [
        Matrix([[1, I], [2, 0]]),
        Matrix([[1, I, 1 + I], [I, -1, I - 1]]),
        Matrix([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]]),
        Matrix([[1, I, 0], [0, 1, I], [1, 2 * I, -1]]),
    ],
)
def test_applications_are_hermitian(A):
    r = exactsvd.svd(A)
    zero = sympy.zeros(*A.shape)
    pinv = r.pseudo_inverse()
    assert all(x.is_Rational or sympy.expand_complex(x).as_real_imag()[0].is_Rational for x in pinv)  # Gaussian rationals
    assert sympy.simplify(pinv - A.pinv()).is_zero_matrix
    Q, P = r.polar()
    assert sympy.simplify(Q * P - A).is_zero_matrix
    assert sympy.simplify(P - P.H).is_zero_matrix  # Hermitian
    unitary = Q.H * Q if A.rows >= A.cols else Q * Q.H
    assert sympy.simplify(unitary - eye(unitary.rows)).is_zero_matrix
    assert sympy.simplify(sum(r.terms(), zero) - A).is_zero_matrix
    best = r.truncate(1)
    assert best.error_2 == r.singular_values[1] if len(r.singular_values) > 1 else True
    assert sympy.simplify(best.matrix - r.terms()[0]).is_zero_matrix
    spaces = r.fundamental_subspaces()
    assert sympy.simplify(A * spaces.null).is_zero_matrix and sympy.simplify(A.H * spaces.left_null).is_zero_matrix


def test_low_rank_error_frobenius_uses_the_modulus():
    best = exactsvd.low_rank([[1, I], [I, -1]], 0)
    assert best.error_frobenius == 2 and best.error_2 == 2


# --------------------------------------------------------------------------- check(), the CLI, the faces not yet complex


CHECKED = Matrix([[1 + 2 * I, 2 + 3 * I], [3 + 4 * I, 4 + 5 * I]])
SMALL = Matrix([[3 * I, 0], [4, 5]])  # singular values 3 sqrt(5), sqrt(5): answers decided by arithmetic quickly


def test_check_accepts_the_canonical_answer_and_other_phases():
    report = exactsvd.check(CHECKED, *exactsvd.svd(CHECKED))
    assert report.ok and report.facts.canonical
    r = exactsvd.svd(SMALL)
    phase = Matrix([[I, 0], [0, 1]])  # u_1 and v_1 times i: still an SVD, not the canonical one
    other = exactsvd.check(SMALL, r.U * phase, r.S, r.V * phase)
    assert other.ok and not other.facts.canonical


@pytest.mark.parametrize(
    "A, change, words",
    [
        (CHECKED, lambda U, S, V: (U, S, V.conjugate()), "V was conjugated but not transposed"),
        (CHECKED, lambda U, S, V: (U, S, V.T), "V was transposed but not conjugated"),
        (CHECKED, lambda U, S, V: (U, S, V.H), "V is given as V^H"),
        (SMALL, lambda U, S, V: (U * Matrix([[I, 0], [0, 1]]), S, V), "u1 and v1 do not fit u1 = A v1 / s1"),
        (SMALL, lambda U, S, V: (U, S, 2 * V), "V^H V is not I"),
        (SMALL, lambda U, S, V: (U, 2 * S, V), "is not a singular value of A"),
    ],
    ids=["conjugated", "transposed", "adjoint", "phase", "not-unitary", "value"],
)
def test_check_names_the_complex_mistake(A, change, words):
    U, S, V = change(*exactsvd.svd(A))
    report = exactsvd.check(A, U, S, V)
    assert not report.ok
    assert any(words in p for p in report.problems), report.problems


def test_cli_states_the_unitary_identities(capsys):
    from exactsvd.cli import main

    assert main(["svd", "[[0, 1], [i, 0]]"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("verified: U^H U = I, V^H V = I, U S V^H = A (exact)")
    assert main(["svd", "[[0, 1], [i, 0]]", "--json"]) == 0
    record = __import__("json").loads(capsys.readouterr().out)
    assert record["U"] == [["0", "1"], ["I", "0"]] and record["verified"] is True
    assert exactsvd.svd(record["U"]).verify()  # the JSON entries read back
    assert main(["svd", "[[0, 1], [i, 0]]", "--latex"]) == 0
    assert "% verified: U^H U = I" in capsys.readouterr().out


# --------------------------------------------------------------------------- check(tol=) on complex answers

ROUNDED_A = "[[1, 2+i], [3i, -1]]"


def rounded(digits):
    return [M.evalf(digits) for M in exactsvd.svd(ROUNDED_A)]


def test_check_with_tol_accepts_a_rounded_complex_answer_and_counts_its_digits():
    U, S, V = rounded(6)
    report = exactsvd.check(ROUNDED_A, U, S, V, tol=1e-4)
    assert report.ok and report.facts.digits == 5 and report.facts.reconstructs
    assert "to the tolerance" in report.facts.method
    assert not exactsvd.check(ROUNDED_A, U, S, V, tol=1e-9).ok  # 6 digits do not hold to 1e-9


def test_check_with_tol_reads_complex_floats_and_decimal_strings():
    A = "[[1, i], [i, 1]]"
    as_text = [["0.7071", "0.7071i"], ["0.7071i", "0.7071"]]
    as_floats = [[0.7071, 0.7071j], [0.7071j, 0.7071]]
    for U, S in ((as_text, ["1.4142", "1.4142"]), (as_floats, [1.4142, 1.4142])):
        report = exactsvd.check(A, U, S, [[1, 0], [0, 1]], tol=1e-3)
        assert report.ok and report.facts.digits == 4


@pytest.mark.parametrize(
    "change, sentence",
    [
        (lambda V: V.conjugate(), "conjugated but not transposed"),
        (lambda V: V.T, "transposed but not conjugated"),
        (lambda V: V.H, "given as V^H"),
        (lambda V: V * sympy.diag(I, 1), "u1 and v1 do not fit"),
    ],
)
def test_check_with_tol_names_the_complex_mistakes(change, sentence):
    U, S, V = rounded(8)
    report = exactsvd.check(ROUNDED_A, U, S, change(V), tol=1e-5)
    assert not report.ok and "U S V^H is not A" in report.problems
    assert any(sentence in p for p in report.problems), report.problems


def test_check_with_tol_finds_a_wrong_rounded_singular_value():
    U, S, V = rounded(6)
    report = exactsvd.check(ROUNDED_A, U, [S[0, 0] + Rational(1, 100), S[1, 1]], V, tol=1e-4)
    assert not report.ok and any("s1 =" in p and "is not a singular value" in p for p in report.problems)


def test_check_with_tol_accepts_the_numeric_complex_answer():
    r = exactsvd.svd(ROUNDED_A, method="numeric", dps=20)
    report = exactsvd.check(ROUNDED_A, *r, tol=1e-15)
    assert report.ok and report.facts.digits >= 15


# --------------------------------------------------------------------------- explain() for complex matrices

from cases import DOCUMENT_CASES  # noqa: E402

from exactsvd.solutions.steps import GramStep, PartnerStep, SpaceStep  # noqa: E402

COMPLEX_DOCUMENTS = {name: A for name, A in DOCUMENT_CASES.items() if name.startswith("complex")}


def _zero(M):
    return ImmutableMatrix(M).applyfunc(lambda e: sympy.nsimplify(sympy.expand(sympy.radsimp(sympy.expand(e))))).is_zero_matrix


def _close(x, y):
    return abs(sympy.N(x - y, 50)) < sympy.Float("1e-40")


@pytest.mark.parametrize("gram", [None, "AtA", "AAt"])
@pytest.mark.parametrize("name", sorted(COMPLEX_DOCUMENTS))
def test_explain_complex_ends_with_the_canonical_svd_and_its_steps_hold(name, gram):
    A = checker_matrix(COMPLEX_DOCUMENTS[name])
    solution = exactsvd.explain(A, gram=gram, rank_one=True)
    r = svd_checked(A)
    factors = (solution.U, solution.S, solution.V)
    assert solution.is_complex and solution.singular_values == r.singular_values
    if gram is None or gram == ("AtA" if A.rows >= A.cols else "AAt"):
        assert factors == tuple(r)  # the canonical SVD
    else:  # the other Gram matrix: another valid SVD (hand bases inside repeated values on the other side)
        assert exactsvd.check(A, *factors).ok
    G = solution.step(GramStep).matrix
    assert G == ((A.H * A) if solution.step(GramStep).gram == "AtA" else (A * A.H)).applyfunc(sympy.expand)
    for step in solution.steps:
        if isinstance(step, SpaceStep):
            assert step.phases is not None and set(step.signs) == {1}
            for b in step.basis:
                assert _zero(step.matrix * b), f"{name}: a basis vector is not in the null space"
            for j, w in enumerate(step.orthogonal):
                for x in step.orthogonal[:j]:
                    assert _zero(x.H * w), f"{name}: Gram-Schmidt vectors are not orthogonal (Hermitian)"
            for w, length, phase, unit in zip(step.orthogonal, step.lengths, step.phases, step.units):
                assert _close(abs(phase), 1)
                assert all(_close(a, phase * b / length) for a, b in zip(unit, w))
                if step.letter == "v" or step.kind != "eigenspace":  # u_i of A A^H: the rule is on v_i
                    assert _phase_rule(unit)
        if isinstance(step, PartnerStep):
            for p in step.vectors:
                assert _zero(step.matrix * p.source - p.product) and _zero(p.product / p.value - p.result)
    assert all(_phase_rule(solution.V[:, k]) for k in range(solution.V.cols))


def _phase_rule(vector):
    """The first non-zero entry is real and positive."""
    first = next(a for a in vector if not _close(a, 0))
    return _close(sympy.im(first), 0) and sympy.N(sympy.re(first)) > 0


def checker_matrix(text):
    return ImmutableMatrix(exactsvd.svd(text).matrix)


@pytest.mark.parametrize("A", ["[[1, i], [i, 1]]", "[[1, 1], [i, -i]]"])
def test_cli_explain_of_complex_matrices(A, capsys):
    from exactsvd.cli import main

    assert main(["explain", A]) == 0
    out = capsys.readouterr().out
    for words in ("G = AᴴA", "Hermitian", "phase rule", "A = UΣVᴴ", "UᴴU = I₂", "Proved exactly"):
        assert words in out, words
    assert "ᵀU" not in out and "AᵀA" not in out
