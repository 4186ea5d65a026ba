"""Python conventions: a result is the sequence U, S, V with ==, hash, repr, str, Vh, to_numpy;
a check report is truthy only when the answer is right; answer keys may give NumPy's Vt or Vh."""

import json
import subprocess
import sys

import pytest
from sympy import ImmutableMatrix, Matrix, sqrt

import exactsvd
from checker import check_svd
from exactsvd.checking import bank
from exactsvd.cli import main
from exactsvd.errors import InvalidArgumentError
from test_plots import require

BLOG = [[1, 2, 1, 0], [2, 0, 1, 1]]


@pytest.fixture(scope="module")
def blog():
    return exactsvd.svd(BLOG)


# ---------------------------------------------------------------- CheckReport


def test_a_check_report_is_true_only_for_a_valid_answer(blog):
    U, S, V = blog
    assert exactsvd.check(BLOG, U, S, V)
    wrong = exactsvd.check(BLOG, U, S * 2, V)
    assert not wrong and wrong.ok is False
    assert bool(exactsvd.check(BLOG, U, S, V)) is True and bool(wrong) is False


# ---------------------------------------------------------------- SVDResult as a sequence


def test_indexing_and_length(blog):
    U, S, V = blog
    assert len(blog) == 3
    assert (blog[0], blog[1], blog[2]) == (U, S, V) == (blog.U, blog.S, blog.V)
    assert blog[-1] == V and blog[:2] == (U, S)
    with pytest.raises(IndexError):
        blog[3]
    check_svd(BLOG, blog)


def test_equality_means_same_matrix_form_and_factors(blog):
    assert blog == exactsvd.svd(BLOG) == exactsvd.svd("1 2 1 0; 2 0 1 1") == exactsvd.svd(Matrix(BLOG))
    assert blog != exactsvd.svd(BLOG, form="thin")  # 2×4: the full V is 4×4, the thin one 4×2
    assert blog != exactsvd.svd([[1, 2, 1, 0], [2, 0, 1, 2]])
    assert blog != exactsvd.svd(BLOG).evalf(10)  # same matrix and form, decimal factors
    assert blog != (blog.U, blog.S, blog.V)  # a result is not equal to a tuple
    square = exactsvd.svd([[3, 0], [4, 5]])
    thin = exactsvd.svd([[3, 0], [4, 5]], form="thin")
    assert tuple(thin) == tuple(square) and thin != square  # the same factors, but another form


def test_hash_agrees_with_equality(blog):
    assert hash(blog) == hash(exactsvd.svd(BLOG))
    assert len({blog, exactsvd.svd(BLOG), exactsvd.svd(BLOG, form="compact"), exactsvd.svd([[2]])}) == 3
    assert {blog: "blog"}[exactsvd.svd("1 2 1 0; 2 0 1 1")] == "blog"


def test_repr_shows_shape_rank_method_and_values(blog):
    text = repr(blog)
    assert text == "<SVDResult 2×4, rank 2, exact, full form, singular values (3, sqrt(3))>"
    numeric = exactsvd.svd([[3, 0], [4, 5]], method="numeric", dps=20)
    assert repr(numeric).startswith("<SVDResult 2×2, rank 2, numeric, full form, singular values (6.708203932")


def test_str_shows_the_factors(blog):
    lines = str(blog).splitlines()
    assert lines[0] == "SVD of a 2×4 matrix of rank 2 (exact, full form): A = U S V^T"
    assert lines[1:4] == ["U (2×2) =", "[sqrt(2)/2, -sqrt(2)/2]", "[sqrt(2)/2,  sqrt(2)/2]"]
    assert lines[4:7] == ["S (2×4) =", "[3,       0, 0, 0]", "[0, sqrt(3), 0, 0]"]
    assert lines[7] == "V (4×4) =" and lines[8] == "[sqrt(2)/2,  sqrt(6)/6,  2*sqrt(21)/21,     sqrt(7)/7]"
    assert len(lines) == 12
    assert str(exactsvd.svd([[]])).splitlines()[1:] == ["U (0×0) =", "[]", "S (0×0) =", "[]", "V (0×0) =", "[]"]


def test_vh_is_numpys_v_transposed(blog):
    assert blog.Vh == blog.V.T
    U, S, V = blog
    assert (U * S * blog.Vh - ImmutableMatrix(BLOG)).applyfunc(lambda e: e.expand()).is_zero_matrix
    thin = exactsvd.svd(BLOG, form="thin")
    assert thin.Vh.shape == (2, 4) and thin.Vh == thin.V.T


# ---------------------------------------------------------------- to_numpy


def test_to_numpy_gives_float64_factors_close_to_the_exact_ones(blog):
    np = require("numpy")
    U, S, V = blog.to_numpy()
    assert all(M.dtype == np.float64 for M in (U, S, V))
    assert (U.shape, S.shape, V.shape) == ((2, 2), (2, 4), (4, 4))
    assert np.abs(U @ S @ V.T - np.array(BLOG)).max() < 1e-15
    assert S[1, 1] == np.sqrt(3.0) and V[0, 0] == np.sqrt(2.0) / 2  # the closest doubles
    _, s, vt = np.linalg.svd(np.array(BLOG, dtype=float))
    assert np.allclose(np.diag(S), s) and np.allclose(np.abs(V.T[:2]), np.abs(vt[:2]))


def test_to_numpy_of_numeric_and_empty_results():
    np = require("numpy")
    U, S, V = exactsvd.svd([[1.5, 2], [3, 4]], method="numeric", dps=30).to_numpy()
    assert np.allclose(U @ S @ V.T, [[1.5, 2], [3, 4]], atol=1e-14)
    U, S, V = exactsvd.svd(Matrix.zeros(2, 0)).to_numpy()
    assert (U.shape, S.shape, V.shape) == ((2, 2), (2, 0), (0, 0)) and S.dtype == np.float64


# ---------------------------------------------------------------- answer keys with NumPy's Vt / Vh


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr()


@pytest.mark.parametrize("key", ["V", "Vt", "Vh"])
def test_answer_keys_accept_v_vt_or_vh_and_say_which_they_read(tmp_path, capsys, blog, key):
    U, S, V = blog
    given = V if key == "V" else V.T
    answer = {"U": [[str(e) for e in row] for row in U.tolist()], "S": [str(s) for s in blog.singular_values],
              key: [[str(e) for e in row] for row in given.tolist()]}
    path = tmp_path / "key.json"
    path.write_text(json.dumps(answer))
    code, out = run(capsys, "check", "[[1,2,1,0],[2,0,1,1]]", "--answer", str(path))
    assert code == 0
    first, verdict = out.out.splitlines()
    assert first.startswith(f'read "U", "S", "{key}"') and verdict.startswith("a valid SVD of A (full form)")
    assert bank.run_problem({"id": "p", "matrix": BLOG, "answer": answer}).verdict == "ok"
    if key != "V":  # a V given where Vt is expected is the transposed V: found wrong
        answer[key] = [[str(e) for e in row] for row in V.T.T.tolist()]
        assert bank.run_problem({"id": "p", "matrix": BLOG, "answer": answer}).verdict == "wrong"


@pytest.mark.parametrize(
    "answer, message",
    [
        ({"U": [[1]], "S": [1]}, 'must hold "U", "S" and "V" (or "Vt" / "Vh"'),
        ({"U": [[1]], "S": [1], "V": [[1]], "Vt": [[1]]}, "exactly one form of V"),
        ({"U": [[1]], "S": [1], "W": [[1]]}, "got keys ['S', 'U', 'W']"),
        ({"U": [[1]], "S": [1], "Vt": [[1, 0]]}, "Vt is 1×2, but its rows are the v_i, so it needs 1 columns"),
    ],
)
def test_bad_answer_keys_name_the_keys_and_the_expected_shapes(answer, message):
    result = bank.run_problem({"id": "p", "matrix": [[2]], "answer": answer})
    assert result.verdict == "error" and message in result.problems[0]
    if "must hold" in message:
        assert "a full SVD has U 1×1, S 1×1 (or a list of the singular values) and V 1×1" in result.problems[0]
    with pytest.raises(InvalidArgumentError):
        from exactsvd.checking.answer import answer_key

        answer_key(answer, "the answer", (1, 1))


def test_vh_of_a_key_is_conjugated():
    from exactsvd.checking.answer import answer_key

    key = answer_key({"U": [[1]], "S": [1], "Vh": [["sqrt(2)/2", "sqrt(2)/2"], ["sqrt(2)/2", "-sqrt(2)/2"]]}, "k", (1, 2))
    assert key.V == Matrix([[sqrt(2) / 2, sqrt(2) / 2], [sqrt(2) / 2, -sqrt(2) / 2]]).H


# ---------------------------------------------------------------- subpackages beside the functions


def test_subpackages_do_not_clash_with_the_functions():
    code = (
        "import exactsvd.checking.bank, exactsvd.solutions.latex, exactsvd.exercises.sheet, exactsvd; "
        "print(exactsvd.checking.bank.__name__, exactsvd.solutions.latex.__name__, exactsvd.exercises.sheet.__name__, "
        "type(exactsvd.check).__name__, type(exactsvd.explain).__name__, type(exactsvd.generate).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [
        "exactsvd.checking.bank", "exactsvd.solutions.latex", "exactsvd.exercises.sheet", "function", "function", "function"
    ]
    import exactsvd.checking
    import exactsvd.exercises
    import exactsvd.solutions

    assert exactsvd.check is exactsvd.checking.check and exactsvd.explain is exactsvd.solutions.explain
    assert exactsvd.generate is exactsvd.exercises.generate
    assert exactsvd.check(BLOG, *exactsvd.svd(BLOG)) and exactsvd.explain([[2]]).steps
    assert exactsvd.generate(2, 3, 1, seed=1).shape == (2, 3)
