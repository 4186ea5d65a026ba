"""Checking a complex answer ``A = U S V^H``: unitary factors, decided exactly over ``K(i)``.

Every entry of ``A``, ``U``, ``S`` and ``V`` is split into its real and
imaginary parts in one real number field ``K`` (the core's
:func:`~exactsvd.core.complexmatrix.complex_domain_matrix`), so ``U^H U = I``,
``V^H V = I`` and ``U S V^H = A`` are equalities of
:class:`~exactsvd.core.complexmatrix.ComplexMatrix` objects, never
``simplify``.  When ``U S V^H != A`` the usual complex mistakes are named: ``V``
conjugated but not transposed, transposed but not conjugated, given as
``V^H``, and column by column a pair that does not fit ``u_i = A v_i / s_i``.
"""

from sympy import ImmutableMatrix
from sympy.polys.matrices import DomainMatrix

from ..core.complexmatrix import ComplexMatrix, complex_domain_matrix
from .exact_field import ExactField
from .report import CheckReport, Facts, number_text


def check_complex(matrix, answer, form, full):
    """The :class:`CheckReport` of a complex answer whose shapes fit *form*; *full* is ``exactsvd.svd(A)``."""
    U, S, V = answer.U, answer.S, answer.V
    problems = []
    values = [S[i, i] for i in range(min(S.shape))]
    true = full.singular_values
    facts = {"shape": matrix.shape, "rank": full.rank, "true_singular_values": true, "singular_values": tuple(values),
             "method": "exact: real and imaginary parts in one real number field K, identities over K(i)"}
    A_, U_, S_, V_ = _over_one_field(matrix, U, S, V)
    off = [(i, j) for i in range(S.rows) for j in range(S.cols) if i != j and S[i, j] != 0]
    problems += [f"S is not diagonal: it has {S[i, j]} in row {i + 1}, column {j + 1}" for i, j in off]
    problems += _value_problems(values, true)
    facts["descending"] = not problems
    for name, M in (("U", U_), ("V", V_)):
        residual = M.adjoint() * M - _identity(M.shape[1], M.domain)
        ok = residual.is_zero_matrix
        facts[f"orthonormal_{name.lower()}"] = ok
        if not ok:
            problems.append(f"{name}^H {name} is not I: the columns of {name} are not orthonormal for the Hermitian "
                            f"inner product u^H v = sum conj(u_k) v_k")
    reconstructs = (U_ * S_ * V_.adjoint() - A_).is_zero_matrix
    facts["reconstructs"] = reconstructs
    if not reconstructs:
        problems += ["U S V^H is not A", *_diagnose(A_, U_, S_, V_, values)]
    canonical = full if form == "full" else None
    facts["canonical"] = bool(canonical is not None and not problems and (U, S, V) == tuple(canonical))
    return CheckReport(not problems, tuple(problems), Facts(**facts), form)


def _over_one_field(*matrices):
    """The matrices as ``ComplexMatrix`` objects over one real field ``K``."""
    entries = [x for M in matrices for x in M]
    row = complex_domain_matrix(ImmutableMatrix(1, len(entries), entries), name="the answer")
    K = row.domain
    flat = [part.to_list()[0] if entries else [] for part in (row.re, row.im)]
    out, start = [], 0
    for M in matrices:
        p, q = M.shape
        parts = [[[f[start + i * q + j] for j in range(q)] for i in range(p)] for f in flat]
        out.append(ComplexMatrix(*(DomainMatrix(rows, (p, q), K) for rows in parts)))
        start += p * q
    return out


def _identity(k, K):
    return ComplexMatrix(DomainMatrix.eye(k, K), DomainMatrix.zeros((k, k), K))


def _value_problems(values, true):
    """The given singular values must be the real, non-negative, descending singular values of ``A``."""
    problems = []
    for i, s in enumerate(values):
        if s.is_real is not True:
            problems.append(f"s{i + 1} = {s} is not real; singular values are real and non-negative")
        elif ExactField.number_sign(s) < 0:
            problems.append(f"s{i + 1} = {number_text(s)} is negative; a singular value is never negative")
        elif not ExactField.same(s, ([*true, *[0] * len(values)])[i]):
            problems.append(f"s{i + 1} = {number_text(s)} is not a singular value of A: A has "
                            f"{number_text(([*true, *[0] * len(values)])[i])} in its place")
    return problems


def _diagnose(A, U, S, V, values):
    """Sentences for the usual complex mistakes behind ``U S V^H != A``."""
    conjugate = ComplexMatrix(V.re, -V.im)
    transposed = ComplexMatrix(V.re.transpose(), V.im.transpose())
    candidates = (
        (conjugate.adjoint(), "V was conjugated but not transposed: U S V^T = A with the given V, so it is conj(V); "
                              "the columns of V are conj of the right singular vectors (A = U S V^H needs V itself)"),
        (transposed.adjoint(), "V was transposed but not conjugated: U S conj(V) = A with the given V, so it is V^T; "
                               "give the right singular vectors as the columns of V (A = U S V^H)"),
        (V, "V is given as V^H: U S V = A, so the matrix given as V is its conjugate transpose; "
            "the columns of V must be the right singular vectors"),
    )
    for factor, sentence in candidates:
        if factor.shape[0] == S.shape[1] and factor.shape[1] == A.shape[1] and (U * S * factor - A).is_zero_matrix:
            return [sentence]
    sentences = []
    for i, s in enumerate(values):
        if s == 0:
            continue
        u, v = _column(U, i), _column(V, i)
        if not (A * v - u * S.re[i, i]).is_zero_matrix:
            sentences.append(f"u{i + 1} and v{i + 1} do not fit u{i + 1} = A v{i + 1} / s{i + 1}; multiply u{i + 1} "
                             f"(or v{i + 1}) by the unit complex number that makes them fit")
    return sentences


def _column(M, j):
    return ComplexMatrix(M.re[:, j:j + 1], M.im[:, j:j + 1])
