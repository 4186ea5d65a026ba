"""The shared checker of SVD results: every SVD test goes through :func:`check_svd`.

``check_svd(A, r, form)`` asserts everything that the public contract
(``shared/CONVENTIONS.md``) promises about ``r = exactsvd.svd(A, form=form)``:

* the shapes of ``U``, ``S``, ``V`` for the form;
* ``r.verify()`` is ``True`` (the package's own exact proof);
* an *independent* check that does not trust that proof: every entry of
  ``U``, ``S``, ``V`` and ``A`` is evaluated with mpmath at 50 digits and
  ``U^T U = I``, ``V^T V = I`` and ``U S V^T = A`` must hold to ``1e-40``
  (``U^H U``, ``V^H V``, ``U S V^H`` for complex ``A``: every transpose is a
  conjugate transpose and every inner product Hermitian);
* ``S`` is diagonal, carries ``r.singular_values`` (exactly), which are
  non-negative and descending (rule 1), and ``r.rank`` is the rank of ``A``;
* the canonical form: signs tied by ``u_i = A v_i / s_i`` (rule 3), first
  non-zero entries positive (rule 4; for complex ``A`` real and positive, the
  phase rule of rule 8), eigenspaces and kernels spanned by the
  hand method's basis -- reduced row echelon basis, Gram–Schmidt, normalise
  (rules 2, 5 and 6) -- recomputed here with plain SymPy and mpmath, and
  singular values that ``sqrtdenest`` cannot make less nested (rule 7);
* for small matrices whose singular values are rational or quadratic
  irrationals: plain ``sympy.simplify`` proves the three identities.

It also provides :func:`check_record` (the JSON record of a result, ``docs/json-schema.md``,
read back), and :func:`random_rational_matrix` and :func:`random_exact_matrix`, Hypothesis strategies.

Failures raise ``AssertionError`` with a message that says what failed, for
which matrix and by how much.
"""

from fractions import Fraction
from operator import mul

import mpmath
import sympy
from hypothesis import strategies as st
from sympy import CRootOf, ImmutableMatrix, Pow, Rational
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

#: Decimal digits of the independent numerical evaluation.
DPS = 50
#: Working precision of the mpmath arithmetic on the evaluated entries.
WORK_DPS = 60
#: Bound on every residual (relative to ``max(1, |A|)``).
TOL = mpmath.mpf("1e-40")
#: Entries smaller than this count as zero when looking for a first non-zero entry.
ZERO = mpmath.mpf("1e-30")


def check_generated_problem(A, r, rank, difficulty):
    """Assert what ``exactsvd.generate(..., difficulty=...)`` guarantees of the problem *A* (``r = svd(A)``).

    Small entries (at most two digits); for rank 1 or more no zero row or
    column and, when ``m, n >= 2``, neither Gram matrix diagonal (so ``U``
    and ``V`` are not signed permutations); the canonical SVD (:func:`check_svd`, without ``simplify``),
    the rank, and the singular values the difficulty promises.
    """
    A = as_sympy_matrix(A)
    m, n = A.shape
    label = f"A = {A.tolist()} ({difficulty}, rank {rank})"
    assert all(a.is_Integer and abs(a) <= 99 for a in A), f"{label}: an entry has more than two digits"
    if rank:
        assert all(any(A.row(i)) for i in range(m)) and all(any(A.col(j)) for j in range(n)), f"{label}: a zero line"
    if min(m, n) >= 2 and rank:
        for name, G in (("A^T A", A.T * A), ("A A^T", A * A.T)):
            assert not G.is_diagonal(), f"{label}: {name} = {G.tolist()} is diagonal"
        for name, M in (("U", r.U), ("V", r.V)):
            assert sum(1 for x in M if x != 0) > M.rows, f"{label}: {name} is a signed permutation"
    check_svd(A, r, simplify_check=False)
    assert r.rank == rank, f"{label}: rank {r.rank}"
    values = r.singular_values[:rank]
    if difficulty == "easy":
        assert all(s.is_Integer for s in values) and len(set(values)) == rank, f"{label}: {values}"
        assert all(x.is_Rational for M in (r.U, r.V) for x in M[:, :rank]), f"{label}: irrational vectors"
    elif difficulty == "medium":
        assert all((s**2).is_Integer for s in values) and len(set(values)) == rank, f"{label}: {values}"
    else:
        irrational = [s for s in values if not s.is_Rational]
        assert all(s.is_Integer for s in values if s.is_Rational), f"{label}: {values}"
        assert len(irrational) == 2 and _conjugates(*irrational), f"{label}: {values} are not a conjugate pair"


def _conjugates(x, y):
    """Whether ``x = |a + b√d|`` and ``y = |a - b√d|`` for rational ``a, b`` (no nested roots)."""
    rational = [sympy.nsimplify(sympy.expand(v)).is_Rational for v in (x * y, x + y, x - y)]
    return rational[0] and (rational[1] or rational[2]) and not (nested_sqrt(x) or nested_sqrt(y))


# --------------------------------------------------------------------------- matrices
# --------------------------------------------------------------------------- matrices


def as_sympy_matrix(A):
    """*A* (a SymPy matrix or a list of rows of ints, Fractions, SymPy numbers or strings) as an ImmutableMatrix.

    This is the checker's own reading of the input, independent of
    :mod:`exactsvd.input`; ``[]`` is the 0×0 matrix (give 0×n and m×0 as
    ``sympy.zeros(0, n)`` and ``sympy.zeros(m, 0)``).
    """
    if isinstance(A, sympy.MatrixBase):
        return ImmutableMatrix(A)
    rows = [list(row) for row in A]
    if not rows or rows == [[]]:
        return ImmutableMatrix.zeros(0, 0)
    if not rows[0]:
        return ImmutableMatrix.zeros(len(rows), 0)
    return ImmutableMatrix([[_exact_entry(x) for x in row] for row in rows])


def _exact_entry(x):
    if isinstance(x, Fraction):
        return Rational(x.numerator, x.denominator)
    if isinstance(x, str):
        return sympy.sympify(x, rational=True)
    return sympy.sympify(x)


def is_complex(A):
    """Whether the exact matrix *A* has an entry that is not real."""
    return any(x.is_real is not True for x in A)


def _numeric(expr, complex_ok=False):
    """One SymPy number as an ``mpf`` (an ``mpc`` if *complex_ok*) at :data:`DPS` digits (inside ``workdps``)."""
    value = sympy.N(expr, DPS)
    if complex_ok:
        re, im = value.as_real_imag()
        return mpmath.mpc(sympy.N(re, DPS), sympy.N(im, DPS))
    if value.has(sympy.I):
        re, im = value.as_real_imag()
        assert abs(mpmath.mpf(sympy.N(im, DPS))) < TOL, f"entry {expr} is not real: {value}"
        value = re
    return mpmath.mpf(value)


def _numeric_matrix(M, complex_ok=False):
    """A SymPy matrix as a list of rows of ``mpf`` (``mpc`` if *complex_ok*), each distinct entry evaluated once."""
    values = {}
    rows = []
    for i in range(M.rows):
        row = []
        for j in range(M.cols):
            entry = M[i, j]
            if entry not in values:
                values[entry] = _numeric(entry, complex_ok)
            row.append(values[entry])
        rows.append(row)
    return rows


def _shape(X):
    return len(X), (len(X[0]) if X else 0)


#: Bits of the fixed-point integers the products are formed with (far below the tolerance: see ``_mul``).
FIXED_BITS = int(WORK_DPS * 3.33) + 20


def _fixed(x):
    return int(mpmath.nint(mpmath.ldexp(x, FIXED_BITS)))


def _mul(X, Y, inner):
    """``X Y`` of ``mpf`` matrices, formed as one exact product of fixed-point integers (``mpc``: by ``fsum``).

    Each factor is rounded to a multiple of ``2^-FIXED_BITS`` (about 10^-70), so
    an entry of the product is off by at most ``inner * 2^-FIXED_BITS * (|X| +
    |Y| + 1)``, far below :data:`TOL`; the product itself is exact.
    """
    rows, cols = len(X), (len(Y[0]) if Y else 0)
    if not inner:
        return [[mpmath.mpf(0)] * cols for _ in range(rows)]
    if any(isinstance(z, mpmath.mpc) for M in (X, Y) for row in M for z in row):  # complex: plain sums
        return [[mpmath.fsum(X[i][k] * Y[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]
    x = [[_fixed(X[i][k]) for k in range(inner)] for i in range(rows)]
    y_columns = [[_fixed(Y[k][j]) for k in range(inner)] for j in range(cols)]
    return [[mpmath.ldexp(sum(map(mul, row, column)), -2 * FIXED_BITS) for column in y_columns] for row in x]


def _t(X, cols):
    """The conjugate transpose (the transpose for real entries)."""
    return [[mpmath.conj(X[i][j]) for i in range(len(X))] for j in range(cols)]


def _norm(X):
    """Frobenius norm of a list-of-rows matrix (0 for an empty one)."""
    return mpmath.sqrt(mpmath.fsum(abs(x) ** 2 for row in X for x in row))


def _minus_identity(X):
    return [[x - (1 if i == j else 0) for j, x in enumerate(row)] for i, row in enumerate(X)]


def _sub(X, Y):
    return [[a - b for a, b in zip(rx, ry)] for rx, ry in zip(X, Y)]


def _column(X, j):
    return [row[j] for row in X]


def _first_nonzero(vector):
    return next((x for x in vector if abs(x) > ZERO), None)


def _fmt(x):
    return mpmath.nstr(x, 5)


# --------------------------------------------------------------------------- the checker


def check_svd(A, r, form="full", *, simplify_check=None, hand_method=True):
    """Assert that *r* is the canonical SVD of *A* in the given *form*.

    Parameters
    ----------
    A : sympy.Matrix or list of rows
        The matrix that was decomposed (exact entries).
    r : exactsvd.SVDResult
        The result of ``exactsvd.svd(A, form=form)``.
    form : {"full", "thin", "compact"}
    simplify_check : bool or None
        Also require that plain ``sympy.simplify`` reduces ``U S V^T - A``,
        ``U^T U - I`` and ``V^T V - I`` to zero matrices.  ``None`` (default)
        means: when ``A`` is at most 4×4 and every singular value is rational
        or a quadratic irrational (for complex ``A``: the square root of a rational).
    hand_method : bool
        Also check rules 2 and 5-7 (eigenspace and kernel bases recomputed
        by the hand method, the simplest radical form).  ``False`` keeps the
        exact proof, the shapes, the 50-digit identities and rules 1, 3 and 4:
        the check of large sweeps (``bench/budget.py``), where recomputing the
        hand method over number fields costs seconds per matrix.

    Returns nothing; raises ``AssertionError`` on the first failed property.
    """
    A = as_sympy_matrix(A)
    m, n = A.shape
    label = f"A = {A.tolist()} ({m}x{n}, form={form!r})"
    U, S, V = r
    values = tuple(r.singular_values)
    rank = exact_rank(A)

    # -- shapes, rank, the exact singular values on S ------------------------------
    assert r.rank == rank, f"{label}: r.rank is {r.rank}, the rank of A is {rank}"
    k = {"full": None, "thin": min(m, n), "compact": rank}[form]
    expected = {
        "U": (m, m if k is None else k),
        "S": (m, n) if k is None else (k, k),
        "V": (n, n if k is None else k),
    }
    for name, M in zip("USV", (U, S, V)):
        assert isinstance(M, sympy.MatrixBase), f"{label}: {name} is a {type(M).__name__}, not a SymPy matrix"
        assert M.shape == expected[name], f"{label}: {name} is {M.shape[0]}x{M.shape[1]}, expected {expected[name]}"
    assert isinstance(r.singular_values, tuple), f"{label}: singular_values is not a tuple"
    assert len(values) == min(m, n), f"{label}: {len(values)} singular values, expected min(m, n) = {min(m, n)}"
    for i, value in enumerate(values):
        assert isinstance(value, sympy.Expr), f"{label}: singular value {i} is a {type(value).__name__}, not a SymPy number"
    for i in range(S.rows):
        for j in range(S.cols):
            if i == j:
                assert S[i, i] == values[i], f"{label}: S[{i},{i}] = {S[i, i]} but singular_values[{i}] = {values[i]}"
            else:
                assert S[i, j] == 0, f"{label}: S[{i},{j}] = {S[i, j]} is off the diagonal and not 0"
    assert all(v == 0 for v in values[rank:]), f"{label}: singular values past the rank are {values[rank:]}, not 0"

    # -- the package's exact proof ---------------------------------------------------
    assert r.verify() is True, f"{label}: r.verify() did not return True"

    # -- independent numerical check at 50 digits ------------------------------------
    with mpmath.workdps(WORK_DPS):
        _check_numerically(A, U, S, V, values, rank, label, is_complex(A), hand_method)
    if not hand_method:
        return

    # -- rule 7 ----------------------------------------------------------------------
    for i, s in enumerate(values):
        _check_simplest(s, f"{label}: singular value {i} = {s}")

    # -- symbolic check with plain simplify --------------------------------------------
    if simplify_check is None:
        simple = (lambda s: (s**2).is_Rational) if is_complex(A) else is_at_most_quadratic  # simplify is slow on complex radicals
        simplify_check = m <= 4 and n <= 4 and all(simple(s) for s in values)
    if simplify_check:
        for name, residual in (
            ("U*S*V.H - A", U * S * V.H - A),
            ("U.H*U - I", U.H * U - sympy.eye(U.cols)),
            ("V.H*V - I", V.H * V - sympy.eye(V.cols)),
        ):
            if is_complex(A):  # simplify cannot see that (-1)**(1/3) is 1/2 + sqrt(3)*I/2
                residual = residual.applyfunc(sympy.expand_complex)
            simplified = sympy.simplify(residual)
            assert simplified.is_zero_matrix, f"{label}: simplify({name}) is {simplified.tolist()}, not zero"


def check_numeric_svd(A, r, exact):
    """Assert that the numeric result *r* of ``A`` (real or complex) keeps its certificate and matches *exact*.

    *exact* is ``exactsvd.svd(A, form=form)`` (already checked by :func:`check_svd`).
    Independently of the package's own bound computation: every returned
    ``Float`` is read as the exact binary number it holds, ``R = A - U S V^H``,
    ``U^H U - I`` and ``V^H V - I`` are formed in exact rational arithmetic
    (irrational entries of ``A`` at 100 digits) and
    their 2-norms (at 60 digits) must be within ``r.error_bound``; every
    ``|s_i - sigma_i|`` within ``error_bound.singular_values``; ``r.rank`` is
    the rank of ``A`` whenever the bound separates the smallest non-zero
    value from 0 (never more); and ``U``, ``V`` are the canonical factors of
    *exact* (phase rule, hand bases) to half the digits.
    """
    U, S, V = r
    label = f"A = {A.tolist()} (numeric, dps={r.dps})"
    assert r.is_complex == is_complex(A) and r.method == "numeric", label
    for name, M, E in zip("USV", (U, S, V), exact):
        assert M.shape == E.shape, f"{label}: {name} is {M.shape}, exact {E.shape}"
    bound = r.error_bound
    with mpmath.workdps(WORK_DPS):
        sigma = [_numeric(s) for s in exact.singular_values]
        for i, (s, t) in enumerate(zip(r.singular_values, sigma)):
            assert abs(mpmath.mpf(s) - t) <= bound.singular_values, f"{label}: |s{i + 1} - sigma{i + 1}| > bound"
        nonzero = [t for t in sigma if t]
        assert r.rank <= len(nonzero), f"{label}: rank {r.rank} certified, but A has rank {len(nonzero)}"
        if not nonzero or min(nonzero) > 2 * bound.singular_values:
            assert r.rank == len(nonzero), f"{label}: rank {r.rank}, A has rank {len(nonzero)} well above the bound"
        a, u, s_, v = (_exact_rationals(M) for M in (A, U, S, V))
        k = min(S.rows, S.cols)
        us = [[_times(row[t], s_[t][t]) for t in range(k)] for row in u]
        product = _product(us, _adjoint(v)[:k], A.cols)
        residual = [[_minus(x, y) for x, y in zip(ra, rp)] for ra, rp in zip(a, product)]
        for name, X, limit in (("A - U S V^H", residual, bound.residual),
                               ("U^H U - I", _gram_defect(u), bound.orthogonality_U),
                               ("V^H V - I", _gram_defect(v), bound.orthogonality_V)):
            norm = _two_norm(X)
            assert norm <= limit, f"{label}: ||{name}||_2 = {norm} exceeds its bound {limit}"
        tolerance = mpmath.mpf(10) ** (2 - r.dps // 2)
        for name, M, E in (("U", U, exact.U), ("V", V, exact.V)):
            numeric, truth = _numeric_matrix(M, True), _numeric_matrix(E, True)
            gap = max((abs(x - y) for rx, ry in zip(numeric, truth) for x, y in zip(rx, ry)), default=0)
            assert gap <= tolerance, f"{label}: {name} differs from the exact canonical {name} by {gap}"


# Exact complex rationals as pairs (re, im) of Fractions, for check_numeric_svd.


def _exact_rationals(M):
    """The rows of a matrix of rationals and binary ``Float``\\ s (``x + y*I`` too) as exact ``(re, im)`` pairs."""
    return [[tuple(_exact_real(part) for part in sympy.sympify(x).as_real_imag()) for x in row] for row in M.tolist()]


def _exact_real(x):
    """A rational exactly (a Float as its binary value), an irrational entry of ``A`` to 100 digits."""
    if x.is_Rational:
        return Fraction(int(x.p), int(x.q))
    if not x.is_Float:
        x = sympy.N(x, 100)
    sign, man, exp, _ = x._mpf_  # a Float is exactly (-1)^sign man 2^exp
    return (-1) ** sign * Fraction(int(man)) * Fraction(2) ** exp


def _times(x, y):
    return (x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0])


def _minus(x, y):
    return (x[0] - y[0], x[1] - y[1])


def _plus(x, y):
    return (x[0] + y[0], x[1] + y[1])


def _adjoint(X):
    """The conjugate transpose of a list of rows of pairs."""
    return [[(X[i][j][0], -X[i][j][1]) for i in range(len(X))] for j in range(len(X[0]) if X else 0)]


def _product(X, Y, cols):
    """``X Y`` for lists of rows of pairs; *Y* has *cols* columns (and may have no rows)."""
    zero = (Fraction(0), Fraction(0))
    result = []
    for row in X:
        out = []
        for j in range(cols):
            total = zero
            for x, y_row in zip(row, Y):
                total = _plus(total, _times(x, y_row[j]))
            out.append(total)
        result.append(out)
    return result


def _gram_defect(X):
    """``X^H X - I`` exactly."""
    gram = _product(_adjoint(X), X, len(X[0]) if X else 0)
    return [[(x[0] - (i == j), x[1]) for j, x in enumerate(row)] for i, row in enumerate(gram)]


def _two_norm(X):
    """The 2-norm of a matrix of exact pairs, at the working precision (0 for an empty one)."""
    if not X or not X[0]:
        return mpmath.mpf(0)
    M = mpmath.matrix([[mpmath.mpc(mpmath.mpf(x.numerator) / x.denominator, mpmath.mpf(y.numerator) / y.denominator)
                        for x, y in row] for row in X])
    return mpmath.svd_c(M, compute_uv=False)[0]


def check_record(A, r, record):
    """Assert that *record* (``r.to_dict()``, or its JSON read back) is the record of *r*, and reads back.

    The keys, ``shape``, ``form``, ``rank`` and ``method`` of the format; every
    exact string read by the safe parser equals the entry of ``r`` (SymPy
    equality, so the same exact number in the same form); the decimals of the
    singular values and of the first and last columns of ``U``, ``S`` and
    ``V`` (the others are made the same way; evaluating ``CRootOf`` numbers is
    slow) are within one unit in their last of ``decimals.digits``
    significant digits of the entry evaluated independently with mpmath; and
    ``exactsvd.check`` accepts the strings as an SVD of *A*.
    """
    import exactsvd
    from exactsvd.input import parse_entry

    A = as_sympy_matrix(A)
    label = f"record of A = {A.tolist()}"
    keys = {"format", "version", "method", "shape", "form", "rank", "matrix", "singular_values", "U", "S", "V",
            "decimals", "verified"}
    assert keys <= set(record), f"{label}: keys {sorted(keys - set(record))} are missing"
    assert (record["format"], record["version"]) == ("exactsvd.svd", 1), f"{label}: format {record['format']!r}"
    assert record["shape"] == list(A.shape) and record["form"] == r.form and record["rank"] == r.rank, label
    assert record["method"] == r.method, f"{label}: method {record['method']!r}, the result's is {r.method!r}"
    digits = record["decimals"]["digits"]
    exact = {"singular_values": [list(r.singular_values)], "matrix": A.tolist()}
    exact.update(zip("USV", (M.tolist() for M in r)))
    for key, rows in exact.items():
        strings = [record[key]] if key == "singular_values" else record[key]
        read = [[parse_entry(text) for text in row] for row in strings]
        assert read == rows, f"{label}: {key} reads back as {read}, not {rows}"
        if key == "matrix":
            continue
        decimals = [record["decimals"][key]] if key == "singular_values" else record["decimals"][key]
        ends = sorted({0, len(rows[0]) - 1}) if rows and rows[0] else []
        with mpmath.workdps(WORK_DPS):
            for row, decimal_row in zip(rows, decimals):
                for x, text in (pair for j, pair in enumerate(zip(row, decimal_row)) if key == "singular_values" or j in ends):
                    value, shown = _numeric(x), mpmath.mpf(text)
                    unit = mpmath.mpf(10) ** (mpmath.floor(mpmath.log10(abs(value))) - digits + 1) if value else 0
                    assert abs(shown - value) <= unit, f"{label}: {key} decimal {text} of {x} is off by {abs(shown - value)}"
    report = exactsvd.check(A, record["U"], record["S"], record["V"])
    assert report.ok, f"{label}: exactsvd.check refuses the record: {report}"


def exact_rank(A):
    """The rank of the exact matrix *A* (0 for an empty one), independent of exactsvd."""
    if not (A.rows and A.cols):
        return 0
    if all(x.is_Rational for x in A):
        return DomainMatrix.from_Matrix(A).convert_to(QQ).rank()
    if is_complex(A):
        parts = [x.as_real_imag() for x in A]
        if all(p.is_Rational for part in parts for p in part):
            return A.rank()  # Gaussian rationals: exact elimination over QQ(i)
        return _numeric_rank(A)  # algebraic complex entries: SymPy's simplify is too slow
    return A.rank(simplify=True)


def _numeric_rank(A):
    """The number of singular values of *A* above ``1e-30 |A|``, from mpmath at 50 digits."""
    with mpmath.workdps(WORK_DPS):
        values = mpmath.svd_c(mpmath.matrix(_numeric_matrix(A, True)), compute_uv=False)
        scale = max(abs(x) for x in values)
        return sum(1 for x in values if x > ZERO * scale)


def _check_numerically(A, U, S, V, values, rank, label, complex_ok, hand_method=True):
    m, n = A.shape
    a, u, s, v = (_numeric_matrix(M, complex_ok) for M in (A, U, S, V))
    sv = [_numeric(x) for x in values]
    scale = max(mpmath.mpf(1), _norm(a))
    k = U.cols

    # orthonormal columns and the reconstruction
    error = _norm(_minus_identity(_mul(_t(u, U.cols), u, m)))
    assert error < TOL, f"{label}: |U^T U - I| = {_fmt(error)} (numerically, {DPS} digits)"
    error = _norm(_minus_identity(_mul(_t(v, V.cols), v, n)))
    assert error < TOL, f"{label}: |V^T V - I| = {_fmt(error)} (numerically, {DPS} digits)"
    usv = _mul(_mul(u, s, k), _t(v, V.cols), S.cols)
    error = _norm(_sub(usv, a)) if m and n else mpmath.mpf(0)
    assert error < TOL * scale, f"{label}: |U S V^T - A| = {_fmt(error)} (numerically, {DPS} digits)"

    # rule 1: non-negative, descending, as many positive ones as the rank
    for i, x in enumerate(sv):
        assert x > -TOL, f"{label}: singular value {i} = {values[i]} is negative ({_fmt(x)})"
        if i:
            assert sv[i - 1] >= x - TOL * scale, f"{label}: singular values not descending at {i}: {values}"
    positive = sum(1 for x in sv if x > ZERO * scale)
    assert positive == rank, f"{label}: {positive} numerically positive singular values, rank is {rank}"

    # rule 3: u_i = A v_i / s_i and v_i = A^T u_i / s_i for s_i > 0
    at = _t(a, n)
    a_v, at_u = _mul(a, v, n), _mul(at, u, m)
    for i in range(min(rank, k)):
        ui, vi = _column(u, i), _column(v, i)
        av = [x / sv[i] for x in _column(a_v, i)]
        atu = [x / sv[i] for x in _column(at_u, i)]
        error = _norm([[x - y for x, y in zip(av, ui)]])
        assert error < TOL * scale / min(1, sv[i]), f"{label}: u_{i} != A v_{i} / s_{i} (rule 3), off by {_fmt(error)}"
        error = _norm([[x - y for x, y in zip(atu, vi)]])
        assert error < TOL * scale / min(1, sv[i]), f"{label}: v_{i} != A^T u_{i} / s_{i} (rule 3), off by {_fmt(error)}"

    # rule 4 (the phase rule of rule 8): first non-zero entry real and positive for every v_i and unpartnered u_i
    for j in range(V.cols):
        lead = _first_nonzero(_column(v, j))
        assert _positive(lead), f"{label}: column {j} of V has first non-zero entry {lead} (rule 4; the phase rule 8 for complex)"
    for j in range(rank, U.cols):
        lead = _first_nonzero(_column(u, j))
        assert _positive(lead), f"{label}: column {j} of U (no partner) has first non-zero entry {lead} (rule 4; the phase rule 8 for complex)"

    if not hand_method:
        return

    # rules 2 and 5: eigenvectors of the smaller Gram matrix are the hand method's basis
    right = n <= m
    gram_side, gram_exact = (v, A.H * A) if right else (u, A * A.H)
    groups = _groups(sv[: min(rank, k)], scale)
    for group in groups:
        theta = sv[group[0]] ** 2
        shifted = [[_numeric(gram_exact[i, j], complex_ok) - (theta if i == j else 0) for j in range(gram_exact.cols)] for i in range(gram_exact.rows)]
        basis = _numeric_kernel(shifted, max(mpmath.mpf(1), _norm(shifted)))
        hand = _orthonormal(basis)
        assert len(hand) == len(group), (
            f"{label}: the eigenspace of s = {values[group[0]]} has dimension {len(hand)}, not {len(group)}"
        )
        for column, h in zip(group, hand):
            got = _column(gram_side, column)
            if right:
                error = _norm([[x - y for x, y in zip(got, _rule4(h))]])
            else:  # u_i follows the sign (phase) of its partner v_i: compare up to a unit factor
                phase = mpmath.fsum(mpmath.conj(y) * x for x, y in zip(got, h))
                error = _norm([[x - phase * y for x, y in zip(got, h)]]) + abs(abs(phase) - 1)
            assert error < TOL * scale, (
                f"{label}: column {column} of {'V' if right else 'U'} (s = {values[column]}) is not the hand method's "
                f"basis vector (rref of Gram - s^2 I, Gram-Schmidt, normalise; rules 2 and 5): off by {_fmt(error)}"
            )

    # rule 6: kernel completions are the hand method's bases, exactly computed
    for name, M, cols, kernel_of in (("V", v, V.cols, A), ("U", u, U.cols, A.H)):
        hand = hand_kernel(kernel_of, cols - rank) if cols > rank else []
        for j in range(rank, cols):
            expected = [_numeric(x, complex_ok) for x in hand[j - rank]]
            error = _norm([[x - y for x, y in zip(_column(M, j), expected)]])
            assert error < TOL, (
                f"{label}: column {j} of {name} is not the hand method's kernel vector {list(hand[j - rank])} "
                f"(rref basis of the {'kernel' if name == 'V' else 'left kernel'}, Gram-Schmidt, normalise, rule 4; "
                f"rules 5 and 6): off by {_fmt(error)}"
            )


def _groups(values, scale):
    """Indices of (numerically) equal consecutive values, as lists."""
    groups = []
    for i, x in enumerate(values):
        if groups and abs(values[groups[-1][0]] - x) < ZERO * scale:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _numeric_kernel(M, scale):
    """The reduced row echelon basis of the kernel of a numeric matrix (one vector per free column)."""
    rows = [list(row) for row in M]
    n = len(rows[0]) if rows else 0
    pivots = []
    r = 0
    for c in range(n):
        if r == len(rows):
            break
        best = max(range(r, len(rows)), key=lambda i: abs(rows[i][c]))
        if abs(rows[best][c]) < ZERO * scale:
            continue
        rows[r], rows[best] = rows[best], rows[r]
        pivot = rows[r][c]
        rows[r] = [x / pivot for x in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c]:
                factor = rows[i][c]
                rows[i] = [x - factor * y for x, y in zip(rows[i], rows[r])]
        pivots.append(c)
        r += 1
    basis = []
    for f in (c for c in range(n) if c not in pivots):
        w = [mpmath.mpf(0)] * n
        w[f] = mpmath.mpf(1)
        for row, p in zip(rows, pivots):
            w[p] = -row[f]
        basis.append(w)
    return basis


def _orthonormal(vectors):
    """Gram–Schmidt in order, then normalise (numeric)."""
    done = []
    for w in vectors:
        for q in done:
            c = mpmath.fsum(x * mpmath.conj(y) for x, y in zip(w, q))
            w = [x - c * y for x, y in zip(w, q)]
        norm = mpmath.sqrt(mpmath.fsum(abs(x) ** 2 for x in w))
        done.append([x / norm for x in w])
    return done


def _rule4(w):
    """Rule 4 (rule 8 for complex vectors): scale by ``conj(lead) / |lead|``."""
    lead = _first_nonzero(w)
    return w if lead is None else [x * mpmath.conj(lead) / abs(lead) for x in w]


def _positive(lead):
    """Whether a numeric entry is real (to :data:`TOL`) and positive."""
    return lead is not None and abs(mpmath.im(lead)) < TOL and mpmath.re(lead) > 0


def hand_kernel(M, count=None):
    """The hand method's orthonormal kernel basis of a rational (or Gaussian rational) matrix, exactly.

    Only its first *count* vectors (all for ``None``) are orthonormalised.

    SymPy's ``nullspace`` is the reduced row echelon basis (a 1 in each free
    column); then Gram–Schmidt in that order (Hermitian inner product),
    normalise, and make the first non-zero entry positive (multiply by
    ``conj(lead) / |lead|``).  Returns a list of lists of SymPy numbers.

    >>> hand_kernel(sympy.Matrix([[1, 1]]))
    [[sqrt(2)/2, -sqrt(2)/2]]
    """
    if M.cols == 0:
        return []
    basis = [w.expand() for w in M.nullspace()[:count]]
    orthogonal = []
    for w in basis:
        for q in orthogonal:
            w = (w - ((q.H * w)[0] / (q.H * q)[0]) * q).expand()
        orthogonal.append(w)
    result = []
    for w in orthogonal:
        lead = next(x for x in w if x != 0)
        w = w * (sympy.conjugate(lead) / sympy.Abs(lead)) / sympy.sqrt(sympy.expand((w.H * w)[0]))
        result.append(list(w))
    return result


# --------------------------------------------------------------------------- rule 7 and degrees


def _nesting(expr):
    """How deeply square roots are nested in *expr* (0: none, 1: sqrt of a rational, 2: ...)."""
    if isinstance(expr, Pow) and expr.exp.is_Rational and expr.exp.q == 2:
        return 1 + _nesting(expr.base)
    return max((_nesting(a) for a in expr.args), default=0)


def _check_simplest(s, where):
    """Rule 7 for one singular value: exact, no float, and no denestable square root left."""
    assert s.is_number and not s.has(sympy.Float), f"{where} is not an exact number"
    if s.has(CRootOf):
        return
    depth = _nesting(s)
    if is_at_most_quadratic(s):
        assert depth <= 1, f"{where} is rational or quadratic but written with nested square roots (rule 7)"
    elif depth >= 2:
        denested = sympy.sqrtdenest(s)
        assert _nesting(denested) >= depth, f"{where} can be denested to {denested} (rule 7)"


def is_at_most_quadratic(s):
    """Whether the algebraic number *s* has degree 1 or 2 over QQ (``CRootOf`` values count as not)."""
    if s.is_Rational:
        return True
    if s.has(CRootOf):
        return False
    x = sympy.Dummy("x")
    return sympy.minimal_polynomial(s, x, polys=True).degree() <= 2


def nested_sqrt(expr):
    """Whether a square root occurs inside another square root in *expr*."""
    return _nesting(expr) >= 2


# --------------------------------------------------------------------------- Hypothesis


@st.composite
def random_rational_matrix(draw, max_rows=5, max_cols=5, min_size=1, max_numerator=5, max_denominator=4, force_rank=None):
    """A Hypothesis strategy for small rational matrices of random shape and rank.

    Entries are fractions ``p/q`` with ``|p| <= max_numerator`` and
    ``1 <= q <= max_denominator``.  With ``force_rank=True`` (or, when it is
    ``None``, for about half of the examples) the matrix is a product of an
    m×k and a k×n matrix, so that its rank is at most a random ``k``.
    Returns a SymPy ``ImmutableMatrix``.
    """
    m = draw(st.integers(min_size, max_rows), label="rows")
    n = draw(st.integers(min_size, max_cols), label="cols")
    fraction = st.builds(Rational, st.integers(-max_numerator, max_numerator), st.integers(1, max_denominator))

    def block(rows, cols):
        return ImmutableMatrix(rows, cols, draw(st.lists(fraction, min_size=rows * cols, max_size=rows * cols)))

    if force_rank is None:
        force_rank = draw(st.booleans(), label="force_rank")
    if force_rank and min(m, n) > 0:
        k = draw(st.integers(0, min(m, n)), label="rank at most")
        return ImmutableMatrix(block(m, k) * block(k, n)) if k else ImmutableMatrix.zeros(m, n)
    return block(m, n)


#: The irrational generators of :func:`random_exact_matrix` (fields of degree 2, 3 and 4).
GENERATORS = (sympy.sqrt(2), sympy.sqrt(3), sympy.root(2, 3))


def _cayley(K):
    """The rational orthogonal matrix ``(I - K)(I + K)^-1`` of a skew-symmetric *K*."""
    identity = sympy.eye(K.rows)
    return (identity - K) * (identity + K).inv()


@st.composite
def random_exact_matrix(draw, max_size=7, max_algebraic_size=4):
    """A Hypothesis strategy for exact matrices of every kind the exact path meets.

    Shapes up to ``max_size``×``max_size`` and every rank; one of

    * ``"rational"``: fractions, of a random rank (:func:`random_rational_matrix`);
    * ``"orthogonal"``: ``Q1 D Q2^T`` with ``Q1``, ``Q2`` rational orthogonal
      (Cayley transforms of random skew matrices, or signed permutations) and
      a diagonal ``D`` drawn from few values, so that singular values repeat
      and zeros lower the rank;
    * ``"algebraic"``: up to ``max_algebraic_size``×``max_algebraic_size``,
      integers plus multiples of ``sqrt(2)``, ``sqrt(3)`` or ``2^(1/3)`` (one
      generator, or ``sqrt(2)`` and ``sqrt(3)`` together).

    Returns ``(kind, matrix)``, the matrix a SymPy ``ImmutableMatrix``.
    """
    kind = draw(st.sampled_from(("rational", "orthogonal", "algebraic")), label="kind")
    if kind == "rational":
        return kind, draw(random_rational_matrix(max_rows=max_size, max_cols=max_size))
    if kind == "orthogonal":
        m = draw(st.integers(1, max_size), label="rows")
        n = draw(st.integers(1, max_size), label="cols")
        Q1, Q2 = (draw(_rational_orthogonal(size)) for size in (m, n))
        values = draw(st.lists(st.sampled_from((0, 1, 2, 3)), min_size=min(m, n), max_size=min(m, n)), label="D")
        D = sympy.zeros(m, n)
        for i, value in enumerate(values):
            D[i, i] = value
        return kind, ImmutableMatrix(Q1 * D * Q2.T)
    m = draw(st.integers(1, max_algebraic_size), label="rows")
    n = draw(st.integers(1, max_algebraic_size), label="cols")
    chosen = draw(st.sampled_from(((0,), (1,), (2,), (0, 1))), label="generators")
    small = st.integers(-3, 3)
    entries = []
    for _ in range(m * n):
        entry = sympy.Integer(draw(small))
        for g in chosen:
            entry += draw(small) * GENERATORS[g]
        entries.append(entry)
    return kind, ImmutableMatrix(m, n, entries)


@st.composite
def _rational_orthogonal(draw, size):
    if draw(st.booleans(), label="cayley") and size > 1:
        K = sympy.zeros(size, size)
        for i in range(size):
            for j in range(i + 1, size):
                K[i, j] = draw(st.integers(-1, 1))
                K[j, i] = -K[i, j]
        return _cayley(K)
    order = draw(st.permutations(range(size)), label="permutation")
    signs = draw(st.lists(st.sampled_from((1, -1)), min_size=size, max_size=size), label="signs")
    P = sympy.zeros(size, size)
    for i, (j, sign) in enumerate(zip(order, signs)):
        P[i, j] = sign
    return P


__all__ = [
    "DPS",
    "TOL",
    "as_sympy_matrix",
    "check_generated_problem",
    "check_svd",
    "exact_rank",
    "hand_kernel",
    "is_at_most_quadratic",
    "nested_sqrt",
    "random_exact_matrix",
    "random_rational_matrix",
]
