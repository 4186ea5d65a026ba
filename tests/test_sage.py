"""exactsvd inside a SageMath session: Sage matrices in, the same exact SVD as the list, Sage matrices out.

Needs the ``sage`` extra (passagemath's modules, flint, pari and symbolics parts); CI installs it, and without it the
tests skip with the reason printed, except under CI, where they fail.
"""

import pytest
from sympy import CRootOf, I, Matrix, Rational, Symbol, sqrt

import exactsvd
from checker import check_svd
from exactsvd.errors import NotExactError, UnsupportedEntryError
from exactsvd.input import as_exact_matrix
from exactsvd.input.sage import sage_number
from test_plots import require

BLOG = [[1, 2, 1, 0], [2, 0, 1, 1]]
x = Symbol("x")


@pytest.fixture(scope="module")
def sage():
    """The names a Sage session has: matrix, vector, QQ, ZZ, AA, QQbar, RR, RDF, CC, QuadraticField, NumberField."""
    require("sage.all__sagemath_modules")
    require("sage.all__sagemath_flint")
    require("sage.all__sagemath_pari")
    from sage.all__sagemath_flint import AA, QQbar, NumberField, QuadraticField  # noqa: F401
    from sage.all__sagemath_modules import CC, CDF, QQ, RDF, RR, ZZ, PolynomialRing, matrix, vector  # noqa: F401

    return dict(locals())


def same_svd_as_list(value, rows):
    r = exactsvd.svd(value)
    check_svd(rows, r)
    assert r == exactsvd.svd(rows)
    return r


def test_matrices_over_ZZ_and_QQ_give_the_list_svd(sage):
    matrix, QQ, ZZ = sage["matrix"], sage["QQ"], sage["ZZ"]
    same_svd_as_list(matrix(QQ, BLOG), BLOG)
    same_svd_as_list(matrix(ZZ, [[3, 0], [4, 5]]), [[3, 0], [4, 5]])
    same_svd_as_list(matrix(QQ, [[QQ(1) / 2, 0], [0, QQ(-1) / 3]]), [[Rational(1, 2), 0], [0, Rational(-1, 3)]])
    same_svd_as_list(matrix(QQ, 0, 3), Matrix.zeros(0, 3))


def test_lists_of_sage_numbers_and_vectors(sage):
    QQ, vector = sage["QQ"], sage["vector"]
    # the crash: a list of Sage rationals (their numerator is a method)
    same_svd_as_list([[QQ(1) / 2, QQ(3)], [QQ(0), QQ(1)]], [[Rational(1, 2), 3], [0, 1]])
    assert as_exact_matrix(vector(QQ, [1, 2, 2])) == Matrix([1, 2, 2])  # a vector is a column
    same_svd_as_list(vector(QQ, [1, 2, 2]), [[1], [2], [2]])


def test_number_field_elements_keep_their_form(sage):
    QuadraticField, NumberField, AA, QQ, matrix = (sage[k] for k in ("QuadraticField", "NumberField", "AA", "QQ", "matrix"))
    K = QuadraticField(2, "a")
    a = K.gen()
    same_svd_as_list(matrix(K, [[a, 1 + a], [0, 2]]), [[sqrt(2), 1 + sqrt(2)], [0, 2]])
    t = sage["PolynomialRing"](QQ, "t").gen()
    cubic = NumberField(t**3 - 2, "c", embedding=AA(2) ** (QQ(1) / 3))
    c = cubic.gen()
    assert as_exact_matrix(matrix(cubic, [[c, c**2 - 1]])) == Matrix([[2 ** Rational(1, 3), 2 ** Rational(2, 3) - 1]])
    negative = NumberField(t**2 - 2, "b", embedding=sage["RR"](-1.4))
    assert as_exact_matrix([[negative.gen()]]) == Matrix([[-sqrt(2)]])  # the embedding picks the root


def test_a_number_field_without_embedding_is_refused(sage):
    t = sage["PolynomialRing"](sage["QQ"], "t").gen()
    K = sage["NumberField"](t**2 - 2, "a")
    with pytest.raises(UnsupportedEntryError, match="no embedding into the real or complex numbers"):
        exactsvd.svd(sage["matrix"](K, [[K.gen()]]))


def test_algebraic_reals_are_exact_roots(sage):
    AA, matrix = sage["AA"], sage["matrix"]
    same_svd_as_list(matrix(AA, [[AA(2).sqrt(), 1], [0, AA(3).sqrt()]]), [[sqrt(2), 1], [0, sqrt(3)]])
    quartic = AA(2).sqrt() + AA(3).sqrt()  # degree 4: SymPy's root formula, denested, checked equal in QQbar
    same_svd_as_list(matrix(AA, [[quartic, 1]]), [[sqrt(2) + sqrt(3), 1]])
    t = sage["PolynomialRing"](sage["QQ"], "t").gen()
    quintic = (t**5 - t - 1).roots(AA, multiplicities=False)[0]  # no radicals: a CRootOf
    A = as_exact_matrix(matrix(AA, [[quintic, 1]]))
    assert A == Matrix([[CRootOf(x**5 - x - 1, 0), 1]])
    check_svd(A, exactsvd.svd(A))
    casus = (t**3 - 3 * t - 1).roots(AA, multiplicities=False)  # real roots, complex radicals only
    assert as_exact_matrix([casus]) == Matrix([[CRootOf(x**3 - 3 * x - 1, k) for k in range(3)]])


def test_complex_algebraic_numbers_become_sympy_I_form(sage):
    QQbar = sage["QQbar"]
    z = QQbar(1) + QQbar(-2).sqrt()
    assert sage_number(z, "A", False) == 1 + sqrt(2) * I


@pytest.mark.parametrize("ring", ["RR", "RDF", "CC", "CDF"])
def test_floating_point_rings_are_not_exact(sage, ring):
    A = sage["matrix"](sage[ring], [[1.5, 2], [3, 4]])
    with pytest.raises(NotExactError, match="rationalize=True.*method='numeric'"):
        exactsvd.svd(A)
    if ring.startswith("R"):
        r = exactsvd.svd(A, method="numeric", dps=20)
        assert r.singular_values == exactsvd.svd([["1.5", 2], [3, 4]], method="numeric", dps=20).singular_values
        same_svd_as_list_rationalized = exactsvd.svd(A, rationalize=True)
        assert same_svd_as_list_rationalized == exactsvd.svd([["1.5", 2], [3, 4]])


def test_symbolic_matrices_are_read_through_sympy(sage):
    """``matrix([[1, sqrt(2)]])`` in a Sage session lies over SR, the symbolic ring."""
    symbolic = require("sage.all__sagemath_symbolics")
    matrix, sqrt_ = symbolic.matrix, symbolic.sqrt
    same_svd_as_list(matrix([[1, sqrt_(2)], [0, 1]]), [[1, sqrt(2)], [0, 1]])
    with pytest.raises(NotExactError, match="contains a float"):
        exactsvd.svd(matrix([[1.5 * sqrt_(2)]]))
    with pytest.raises(UnsupportedEntryError, match="not algebraic"):
        exactsvd.svd(matrix([[symbolic.pi]]))


def test_results_go_back_to_sage_exactly(sage):
    matrix, QQ, AA = sage["matrix"], sage["QQ"], sage["AA"]
    A = matrix(QQ, BLOG)
    U, S, V = exactsvd.svd(A).to_sage()
    assert U * S * V.transpose() == A  # exact arithmetic in AA
    assert U.transpose() * U == 1 and V.transpose() * V == 1
    assert S.base_ring() is AA and S[0, 0] == 3 and S[1, 1] == AA(3).sqrt()
    U, S, V = exactsvd.svd([[3, 0], [0, 4]]).to_sage()
    assert S.base_ring() is QQ and U.base_ring() is QQ
    from exactsvd.interop import to_sage

    assert to_sage(CRootOf(x**5 - x - 1, 0)) ** 5 == to_sage(CRootOf(x**5 - x - 1, 0)) + 1
    assert to_sage(1 + I) == sage["QQbar"](1) + sage["QQbar"](-1).sqrt()
