"""Tests of the answer checker ``exactsvd.check``: valid answers, each kind of wrong answer and its sentence."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Matrix, Rational, diag, eye, radsimp, sqrt

import exactsvd
from exactsvd.checking import check, exact_field
from exactsvd.checking.checker import check_singular_values
from exactsvd.checking.exact_field import ExactField, Undecided, degree_bound, is_zero, number_field
from exactsvd.errors import InvalidArgumentError, NotExactError

# Strang's example: A = U S V^T with u_i = A v_i / s_i.
A = [[3, 0], [4, 5]]
U = [["1/sqrt(10)", "-3/sqrt(10)"], ["3/sqrt(10)", "1/sqrt(10)"]]
S = ["3*sqrt(5)", "sqrt(5)"]
V = [["1/sqrt(2)", "-1/sqrt(2)"], ["1/sqrt(2)", "1/sqrt(2)"]]
ROUNDED_U = [["0.316", "-0.949"], ["0.949", "0.316"]]
ROUNDED_S = ["6.708", "2.236"]
ROUNDED_V = [["0.707", "-0.707"], ["0.707", "0.707"]]


def columns_swapped(M):
    return [row[::-1] for row in M]


def negated_column(M, j):
    M = Matrix(M)
    M[:, j] = -M[:, j]
    return M


def assert_wrong(report, *sentences):
    """*report* is not ok and each sentence (or its start) is one of its problems."""
    assert not report.ok
    for sentence in sentences:
        assert any(p.startswith(sentence) for p in report.problems), (sentence, report.problems)


# ---------------------------------------------------------------- valid answers


def test_the_canonical_answer_is_valid_and_canonical():
    r = exactsvd.svd(A)
    report = check(A, *r)
    assert report.ok and report.problems == () and report.form == "full"
    assert report.facts.canonical and report.facts.equivalent
    assert report.facts.singular_values == r.singular_values == report.facts.true_singular_values
    assert str(report) == "a valid SVD of A (full form), equal to the canonical answer"


def test_signs_flipped_in_pairs_are_valid_but_not_canonical():
    report = check(A, U, S, V)
    assert report.ok and report.facts.equivalent and not report.facts.canonical
    assert report.facts.differences == ("flipped signs of the pairs (u2, v2)",)


def test_a_rotated_basis_inside_a_repeated_singular_value_is_valid():
    B = diag(1, 1, 2)
    turn = Matrix([[1, 0, 0], [0, Rational(3, 5), Rational(-4, 5)], [0, Rational(4, 5), Rational(3, 5)]])
    r = exactsvd.svd(B)
    report = check(B, r.U * turn, r.S, r.V * turn)
    assert report.ok and report.facts.equivalent and not report.facts.canonical
    assert report.facts.differences == ("another orthonormal basis for the singular value 1 (multiplicity 2)",)
    assert report.facts.method == "exact, in the number field QQ"


def test_another_basis_of_the_null_space_is_valid():
    C = [[1, -1], [-2, 2], [2, -2]]
    r = exactsvd.svd(C)
    turn = diag(1, Matrix([[Rational(3, 5), Rational(-4, 5)], [Rational(4, 5), Rational(3, 5)]]))
    report = check(C, r.U * turn, r.S, r.V)
    assert report.ok
    assert report.facts.differences == ("another orthonormal basis of the null space of A^T (columns 2 to 3 of U)",)
    flipped = check(C, negated_column(r.U, 2), r.S, r.V)
    assert flipped.ok and flipped.facts.differences == ("the other sign of u3 (null space of A^T)",)


@pytest.mark.parametrize("form", ["thin", "compact"])
def test_thin_and_compact_forms_are_recognised(form):
    C = [[1, -1], [-2, 2], [2, -2]]
    report = check(C, *exactsvd.svd(C, form=form))
    assert report.ok and report.form == form and report.facts.canonical


def test_singular_values_may_be_a_list_and_zeros_may_be_left_out():
    r = exactsvd.svd([[1, 1], [1, 1], [0, 0]])
    report = check([[1, 1], [1, 1], [0, 0]], r.U, [2], r.V)
    assert report.ok and report.form == "full"
    assert report.facts.singular_values == (2, 0)


def test_entries_are_read_as_the_input_layer_reads_them():
    report = check(A, [["sqrt(10)/10", "-3*sqrt(10)/10"], ["3/sqrt(10)", "1/sqrt(10)"]], ["sqrt(45)", "sqrt(5)"], V)
    assert report.ok
    with pytest.raises(NotExactError):
        check(A, [[0.316, -0.949], [0.949, 0.316]], S, V)


def test_empty_matrices():
    report = check(ImmutableMatrix.zeros(0, 2), ImmutableMatrix.zeros(0, 0), ImmutableMatrix.zeros(0, 2), eye(2))
    assert report.ok and report.form == "full"


def test_answers_written_differently_from_the_canonical_one():
    B = [[1, 1], [1, 0]]  # singular values (1 ± sqrt(5))/2, nested radicals in U and V
    U, S, V = (M.applyfunc(radsimp) for M in exactsvd.svd(B))
    assert U != exactsvd.svd(B).U
    report = check(B, U, S, V)
    assert report.ok and report.facts.canonical and report.facts.method.startswith("exact: proved column by column")
    assert_wrong(check(B, negated_column(U, 0), S, V), "the signs of u1 and v1 do not fit together")


def test_irrational_matrix_entries():
    B = [["sqrt(3)", 2], [0, "sqrt(3)"]]
    U_ = [["sqrt(3)/2", "-1/2"], ["1/2", "sqrt(3)/2"]]
    report = check(B, U_, [3, 1], [["1/2", "-sqrt(3)/2"], ["sqrt(3)/2", "1/2"]])
    assert report.ok


# ---------------------------------------------------------------- wrong answers, one of each kind


def test_ascending_singular_values():
    report = check(A, columns_swapped(U), S[::-1], columns_swapped(V))
    assert report.problems == (
        "the singular values are listed in ascending order; list them in descending order, "
        "with the columns of U and V in the same order",
    )
    assert report.facts.orthonormal_u and report.facts.reconstructs and report.facts.descending is False


def test_values_out_of_order():
    report = check(diag(1, 3, 2), eye(3), [1, 3, 2], eye(3))
    assert_wrong(report, "the singular values are not in descending order: s2 = 3 is larger than s1 = 1")


def test_a_pair_with_a_flipped_sign():
    report = check(A, negated_column(U, 1), S, V)
    assert_wrong(
        report,
        "U S V^T is not A",
        "the signs of u2 and v2 do not fit together: u2 = -A v2 / s2, but an SVD needs u2 = A v2 / s2; "
        "change the sign of u2 (or of v2)",
    )
    assert report.facts.orthonormal_u and report.facts.orthonormal_v and not report.facts.reconstructs


def test_v_given_transposed():
    report = check(A, U, S, Matrix([["1/sqrt(2)", "1/sqrt(2)"], ["-1/sqrt(2)", "1/sqrt(2)"]]))
    assert_wrong(report, "V is given transposed: U S V = A, so the matrix given as V is V^T")
    assert len(report.problems) == 2


def test_v_of_a_thin_svd_given_transposed_has_the_wrong_shape():
    C = [[1, -1], [-2, 2], [2, -2]]
    r = exactsvd.svd([[4, 11, 14], [8, 7, -2]], form="thin")
    report = check([[4, 11, 14], [8, 7, -2]], r.U, r.S, r.V.T)
    assert_wrong(report, "the shapes do not fit: A is 2×3 but U is 2×2, S is 2×2 and V is 2×3",
                 "V seems to be given transposed: it is 2×3, and V^T would fit")
    assert report.form is None and check(C, *exactsvd.svd(C, form="thin")).ok


def test_u_and_v_swapped():
    B = [[2, 3], [0, 2]]
    r = exactsvd.svd(B)
    assert_wrong(check(B, r.V, r.S, r.U), "U and V are swapped: U S V^T = A^T, so this is an SVD of A^T")


def test_u_given_transposed():
    assert_wrong(check(A, Matrix(U).T, S, V), "U is given transposed: U^T S V^T = A")


def test_a_wrong_singular_value_shows_the_right_one():
    report = check(A, U, ["3*sqrt(5)", 2], V)
    assert_wrong(
        report,
        "s2 = 2 is not a singular value of A: A has sqrt(5) ≈ 2.23607 in its place",
        "A v2 = sqrt(5)·u2, so s2 should be sqrt(5) ≈ 2.23607, not 2",
    )


def test_singular_values_from_a_wrong_gram_matrix():
    report = check(A, U, [5, 3], V)
    assert_wrong(
        report,
        "s1 = 5 is not a singular value of A",
        "the singular values of A are 3*sqrt(5), sqrt(5): the square roots of the eigenvalues 45, 5 of "
        "A^T A = [[25, 20], [20, 25]]",
    )


def test_an_unnormalised_vector():
    report = check(A, U, S, [[1, -1], [1, 1]])
    assert_wrong(
        report,
        "column 1 of V has length sqrt(2) ≈ 1.41421, not 1",
        "column 2 of V has length sqrt(2) ≈ 1.41421, not 1",
        "u1 and v1 are not both unit vectors: v1 has length sqrt(2) ≈ 1.41421; normalised, they fit s1",
    )
    assert report.facts.orthonormal_v is False


def test_columns_that_are_not_orthogonal():
    report = check([[1, 0], [0, 1]], [["3/5", "4/5"], ["4/5", "3/5"]], [1, 1], eye(2))
    assert_wrong(report, "columns 1 and 2 of U are not orthogonal: u1 · u2 = 24/25")


def test_negative_singular_values():
    report = check([[-2, 0], [0, -1]], eye(2), [-2, -1], eye(2))
    assert report.problems == tuple(
        f"s{i} = -{3 - i} is negative; a singular value is never negative (change the signs of s{i} and u{i} together)"
        for i in (1, 2)
    )


def test_s_not_diagonal():
    assert_wrong(check(A, U, [["3*sqrt(5)", 1], [0, "sqrt(5)"]], V), "S is not diagonal: it has 1 in row 1, column 2")


def test_a_vector_that_is_no_singular_vector():
    report = check([[2, 0], [0, 1]], eye(2), [2, 1], [["3/5", "-4/5"], ["4/5", "3/5"]])
    assert_wrong(report, "v1 is not a right singular vector of A: A^T A v1 is not a multiple of v1")


def test_a_null_column_outside_the_null_space():
    report = check([[1, 1], [1, 1]], [["1/sqrt(2)", "-1/sqrt(2)"], ["1/sqrt(2)", "1/sqrt(2)"]], [2, 0], eye(2))
    assert_wrong(report, "v2 goes with the singular value 0, but A v2 is not 0")


def test_missing_singular_values_and_shapes_of_no_form():
    r = exactsvd.svd(A)
    assert_wrong(check(A, r.U[:, :1], [r.S[0, 0]], r.V[:, :1]), "only 1 singular value is given, but A has rank 2")
    B = diag(1, 1, 0, 0)
    assert_wrong(check(B, eye(4)[:, :3], eye(3), eye(4)[:, :3]), "U, S and V have the shapes of no SVD form")


# ---------------------------------------------------------------- rounded answer keys


def test_a_rounded_key_is_wrong_without_tol_and_says_why():
    report = check(A, ROUNDED_U, ROUNDED_S, ROUNDED_V)
    assert_wrong(report, "entries such as 0.316 look like rounded decimals")
    assert report.problems[0].startswith("entries such as")


def test_a_rounded_key_agrees_to_three_digits_with_tol():
    report = check(A, ROUNDED_U, ROUNDED_S, ROUNDED_V, tol="1e-2")
    assert report.ok and report.facts.digits == 3 and report.facts.equivalent
    assert str(report).startswith("a valid SVD of A (full form), agrees to 3 digits")
    assert check(A, [[0.316, -0.949], [0.949, 0.316]], [6.708, 2.236], ROUNDED_V, tol=0.01).ok  # floats with tol


def test_a_rounded_key_with_a_flipped_sign_is_diagnosed():
    report = check(A, [["0.316", "0.949"], ["0.949", "-0.316"]], ROUNDED_S, ROUNDED_V, tol="1e-2")
    assert_wrong(report, "the signs of u2 and v2 do not fit together")


@pytest.mark.parametrize("tol", [0, 1, "-1e-3", "x"])
def test_bad_tolerances_are_refused(tol):
    with pytest.raises(exactsvd.ExactSVDError):
        check(A, U, S, V, tol=tol)


# ---------------------------------------------------------------- published singular values


def test_published_singular_values():
    assert check_singular_values(A, S).ok
    assert check_singular_values([[1, 1], [0, 1]], ["(1 + sqrt(5))/2", "(sqrt(5) - 1)/2"]).ok
    assert_wrong(check_singular_values(A, S[::-1]), "the singular values are listed in ascending order")
    assert_wrong(check_singular_values([[1, 1], [0, 1], [1, 0]], [3, 1]), "s1 = 3 is not a singular value of A")
    assert check_singular_values(A, ROUNDED_S, tol="1e-2").ok


# ---------------------------------------------------------------- the exact field


def test_degree_bounds_and_fields():
    assert degree_bound([sqrt(2), sqrt(3), sqrt(6), sqrt(8) / 3]) == 4
    assert degree_bound([sqrt(p) for p in (2, 3, 5, 7, 11, 13, 17)]) == 128
    K, (a,) = number_field([sqrt(2) + sqrt(3)])
    assert K.ext.minpoly.degree() == 4 and a
    assert is_zero(sqrt(2) * sqrt(3) - sqrt(6)) and not is_zero(sqrt(2) + sqrt(3) - sqrt(5))
    with pytest.raises(Undecided):
        is_zero(sum(sqrt(p) for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)))


# U = V = TURN (a turn by 15 degrees) is an SVD of the identity; U^T U needs (sqrt(6) + sqrt(2))^2 expanded.
C15, S15 = "(sqrt(6) + sqrt(2))/4", "(sqrt(6) - sqrt(2))/4"
TURN = [[C15, "-" + S15], [S15, C15]]


def test_too_large_fields_are_decided_entry_by_entry(monkeypatch):
    monkeypatch.setattr(exact_field, "MAX_FIELD_DEGREE", 1)
    report = check(eye(2), TURN, [1, 1], TURN)
    assert report.ok and report.facts.method == "exact, entry by entry (minimal polynomials)"
    F = ExactField([sqrt(2), sqrt(3)])
    M = F.matrix(Matrix([[sqrt(2), sqrt(3)]]))
    assert set(F.nonzero(M)) == {(0, 0), (0, 1)}


def test_what_cannot_be_decided_is_reported(monkeypatch):
    monkeypatch.setattr(exact_field, "MAX_FIELD_DEGREE", 1)
    monkeypatch.setattr(exact_field, "MAX_ENTRY_DEGREE", 1)
    report = check(eye(2), TURN, [1, 1], TURN)
    assert not report.ok and report.verdict == "undecided" and not report.problems
    assert "could not decide exactly whether U^T U = I: the number" in " ".join(report.undecided)
    assert str(report).startswith("could not decide exactly whether the answer is a valid SVD of A (full form):")
    assert report.facts.undecided


# ---------------------------------------------------------------- properties

small_integer_matrices = st.integers(1, 3).flatmap(
    lambda m: st.integers(1, 3).flatmap(
        lambda n: st.lists(st.lists(st.integers(-3, 3), min_size=n, max_size=n), min_size=m, max_size=m)
    )
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_integer_matrices, st.data())
def test_canonical_answers_pass_and_a_single_flipped_sign_is_found(rows, data):
    r = exactsvd.svd(rows)
    assert check(rows, *r).ok
    if r.rank:
        i = data.draw(st.integers(0, r.rank - 1))
        assert check(rows, negated_column(r.U, i), r.S, negated_column(r.V, i)).ok
        assert_wrong(check(rows, negated_column(r.U, i), r.S, r.V), "U S V^T is not A")
