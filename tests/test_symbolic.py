"""The generic SVD of matrices with parameters, checked case by case by substitution (issue 15)."""

import random

import pytest
import sympy

import exactsvd
from checker import at, check_generic_svd, random_point
from symbolic_cases import CASES, OWN_CASES, PEER_CASES, expected_values, matrix

def _param(case, test):
    """The case as a parameter of *test*, a strict expected failure where the core does not do it yet."""
    marks = [pytest.mark.xfail(strict=True, reason=case.known[test])] if case.known and test in case.known else []
    return pytest.param(case, id=case.name, marks=marks)


def test_the_corpus_has_the_peer_cases_and_twenty_of_its_own():
    assert len(PEER_CASES) == 9 and len(OWN_CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [_param(case, "svd") for case in CASES])
def test_generic_svd_by_substitution(case):
    A = matrix(case)
    r = exactsvd.svd(A)
    failing = check_generic_svd(A, r, expected_values(case))
    assert set(failing) == set(r.conditions)


@pytest.mark.parametrize("case", [_param(case, "singular_values") for case in CASES])
def test_singular_values_are_the_values_by_hand(case):
    """``singular_values``: the generic SVD's values in its order, or cases whose orders hold where they say."""
    A = matrix(case)
    result = exactsvd.singular_values(A)
    generic = exactsvd.svd(A).singular_values
    if isinstance(result, tuple):
        assert result == generic
        return
    assert sorted(map(str, result.values)) == sorted(map(str, generic)), (result.values, generic)
    assert len(result.values) == len(expected_values(case))
    assert result.order_depends_on and str(result).startswith("singular values ")
    rng = random.Random(1)
    for _ in range(40):
        point = random_point(sorted(A.free_symbols, key=str), [], rng)
        holding = [(c, ordered) for c, ordered in result.cases if c is sympy.true or at(c, point) is sympy.true]
        assert holding, f"no case holds at {point}: {result}"
        for condition, ordered in holding:
            assert sorted(map(str, ordered)) == sorted(map(str, result.values))
            numbers = [at(v, point) for v in ordered]
            assert all(a >= b for a, b in zip(numbers, numbers[1:])), f"{condition} at {point}: {numbers}"


class _Altered:
    """A generic SVD with other conditions: what the substitution checker must catch."""

    def __init__(self, result, conditions):
        self._result, self.conditions = result, tuple(conditions)

    def __getattr__(self, name):
        return getattr(self._result, name)

    def __iter__(self):
        return iter(self._result)

    def subs(self, values):
        """The SVD at *values*, checking none of the conditions."""
        return exactsvd.svd(self._result.matrix.subs(values), self.form)


def test_the_substitution_checker_catches_missing_and_needless_conditions():
    A = matrix(PEER_CASES[7])  # [[x, 0], [0, -5]]: x != 0 and 25 - x^2 >= 0
    r = exactsvd.svd(A)
    (x,) = r.symbols
    check_generic_svd(A, r)
    with pytest.raises(AssertionError, match="singular value"):  # without the order: wrong where |x| > 5
        check_generic_svd(A, _Altered(r, r.conditions[:1]), points=12)
    with pytest.raises(AssertionError, match="accepts values|still right"):
        check_generic_svd(A, _Altered(r, [*r.conditions, sympy.Ne(x - 1, 0)]))
    with pytest.raises(AssertionError, match="value by hand"):
        check_generic_svd(A, r, [abs(x), sympy.Integer(4)])
