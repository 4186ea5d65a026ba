"""Checking a complex answer ``A = U S V^H``: unitary factors, decided exactly over ``K(i)``.

Every entry of ``A``, ``U``, ``S`` and ``V`` is split into its real and
imaginary parts, which the real checker's judge
(:class:`~exactsvd.checking.exact_field.ExactField`: one number field, or entry by
entry by minimal polynomials when that field is too large) decides, so
``U^H U = I``, ``V^H V = I`` and ``U S V^H = A`` are exact equalities of
:class:`~exactsvd.core.complexmatrix.ComplexMatrix` objects, never
``simplify``.  When ``U S V^H != A`` the usual complex mistakes are named: ``V``
conjugated but not transposed, transposed but not conjugated, given as
``V^H``, and column by column a pair that does not fit ``u_i = A v_i / s_i``.

With ``tol=`` (a rounded answer key such as ``0.707 + 0.707i``) the judge is
the checker's :class:`~exactsvd.checking.tolerance.Tolerance` instead: the same
identities and diagnoses, each part of an entry counting as zero when it is
at most ``tol`` in size, and ``facts.digits`` the number of digits to which
all three identities and the singular values hold.
"""

from sympy import ImmutableMatrix
from sympy.polys.matrices import DomainMatrix

from ..core.complexmatrix import ComplexMatrix, real_imaginary
from .canonical import in_form
from .exact_field import ExactField, Undecided
from .report import CheckReport, Facts, number_text


CONJUGATED = ("V was conjugated but not transposed: U S V^T = A with the given V, so it is conj(V); "
              "the columns of V are conj of the right singular vectors (A = U S V^H needs V itself)")
TRANSPOSED = ("V was transposed but not conjugated: U S conj(V) = A with the given V, so it is V^T; "
              "give the right singular vectors as the columns of V (A = U S V^H)")
ADJOINT = ("V is given as V^H: U S V = A, so the matrix given as V is its conjugate transpose; "
           "the columns of V must be the right singular vectors")


def check_complex(matrix, answer, form, full, tolerance=None):
    """The :class:`CheckReport` of a complex answer whose shapes fit *form*; *full* is ``exactsvd.svd(A)``.

    *tolerance*: a :class:`~exactsvd.checking.tolerance.Tolerance` for a rounded answer, else exact.
    """
    U, S, V = answer.U, answer.S, answer.V
    problems, undecided, residuals = [], [], []
    values = [S[i, i] for i in range(min(S.shape))]
    true = full.singular_values
    literal = _literal(matrix, answer, form, full) if tolerance is None else None
    if literal is not None:
        return literal
    judge, (A_, U_, S_, V_) = _over_one_field([matrix, U, S, V], tolerance)
    parts = "real and imaginary parts apart" + (" (over K(i))" if tolerance is None else "")
    facts = {"shape": matrix.shape, "rank": full.rank, "true_singular_values": true, "singular_values": tuple(values),
             "method": f"{judge.describe()}, {parts}"}

    def zero(what, M):
        residuals.extend((M.re, M.im))
        try:
            return not (judge.nonzero(M.re) or judge.nonzero(M.im))
        except Undecided as reason:
            undecided.append(f"whether {what} ({reason})")
            problems.append(f"could not decide exactly whether {what}: {reason}")
            return None

    off = [(i, j) for i in range(S.rows) for j in range(S.cols) if i != j and not judge.same(S[i, j], 0)]
    problems += [f"S is not diagonal: it has {S[i, j]} in row {i + 1}, column {j + 1}" for i, j in off]
    problems += _value_problems(values, true, judge)
    facts["descending"] = not problems
    for name, M in (("U", U_), ("V", V_)):
        ok = zero(f"{name}^H {name} = I", M.adjoint() * M - _identity(M.shape[1], M.domain))
        facts[f"orthonormal_{name.lower()}"] = ok
        if ok is False:
            problems.append(f"{name}^H {name} is not I: the columns of {name} are not orthonormal for the Hermitian "
                            f"inner product u^H v = sum conj(u_k) v_k")
    reconstructs = zero("U S V^H = A", U_ * S_ * V_.adjoint() - A_)
    facts["reconstructs"] = reconstructs
    if tolerance is not None:
        exact = judge.matrix(_row([*true, *[0] * len(values)][: len(values)]))
        facts["digits"] = judge.digits([*residuals, judge.matrix(_row(values)) - exact])
    if reconstructs is False:
        problems += ["U S V^H is not A", *_diagnose(lambda M: zero("a diagnosis", M) is True, A_, U_, S_, V_, values)]
    facts["canonical"] = bool(form == "full" and not problems and (U, S, V) == tuple(full))
    facts["undecided"] = tuple(undecided)
    return CheckReport(not problems, tuple(problems), Facts(**facts), form)


def _literal(matrix, answer, form, full):
    """The report when the answer is literally the canonical SVD, or it with ``V`` conjugated/transposed/adjoint.

    Decided without arithmetic on the answer: the canonical SVD is proved by its certificate.
    """
    canonical = in_form(full, form)
    if (answer.U, answer.S) != (canonical.U, canonical.S):
        return None
    facts = {"shape": matrix.shape, "rank": full.rank, "true_singular_values": full.singular_values,
             "singular_values": tuple(answer.S[i, i] for i in range(min(answer.S.shape))), "descending": True,
             "orthonormal_u": True, "method": "exact: literally the canonical SVD's U and S (proved by its certificate)"}
    full.verify()
    if answer.V == canonical.V:
        return CheckReport(True, (), Facts(**facts, orthonormal_v=True, reconstructs=True, canonical=True, equivalent=True), form)
    for changed, sentence in ((canonical.V.conjugate(), CONJUGATED), (canonical.V.T, TRANSPOSED), (canonical.V.H, ADJOINT)):
        if answer.V == changed:
            problems = ("U S V^H is not A", sentence)
            return CheckReport(False, problems, Facts(**facts, orthonormal_v=changed.shape == canonical.V.shape, reconstructs=False), form)
    return None


def _over_one_field(matrices, tolerance):
    """A judge (*tolerance*, else the :class:`ExactField` of all real and imaginary parts) and the matrices over it."""
    parts = [[[real_imaginary(x, "the answer") for x in M.row(i)] for i in range(M.rows)] for M in matrices]
    judge = tolerance or ExactField([p for rows in parts for row in rows for x in row for p in x])
    out = []
    for M, rows in zip(matrices, parts):
        re, im = (ImmutableMatrix(M.rows, M.cols, [x[k] for row in rows for x in row]) for k in (0, 1))
        out.append(ComplexMatrix(judge.matrix(re), judge.matrix(im)))
    return judge, out


def _identity(k, K):
    return ComplexMatrix(DomainMatrix.eye(k, K), DomainMatrix.zeros((k, k), K))


def _row(values):
    return ImmutableMatrix([list(values)]) if values else ImmutableMatrix.zeros(1, 0)


def _value_problems(values, true, judge):
    """The given singular values must be the real, non-negative, descending singular values of ``A``."""
    problems = []
    for i, s in enumerate(values):
        if s.is_real is not True:
            problems.append(f"s{i + 1} = {s} is not real; singular values are real and non-negative")
        elif judge.number_sign(s) < 0:
            problems.append(f"s{i + 1} = {number_text(s)} is negative; a singular value is never negative")
        elif not judge.same(s, ([*true, *[0] * len(values)])[i]):
            problems.append(f"s{i + 1} = {number_text(s)} is not a singular value of A: A has "
                            f"{number_text(([*true, *[0] * len(values)])[i])} in its place")
    return problems


def _diagnose(zero, A, U, S, V, values):
    """Sentences for the usual complex mistakes behind ``U S V^H != A``."""
    conjugate = ComplexMatrix(V.re, -V.im)
    transposed = ComplexMatrix(V.re.transpose(), V.im.transpose())
    candidates = ((conjugate.adjoint(), CONJUGATED), (transposed.adjoint(), TRANSPOSED), (V, ADJOINT))
    for factor, sentence in candidates:
        if factor.shape[0] == S.shape[1] and factor.shape[1] == A.shape[1] and zero(U * S * factor - A):
            return [sentence]
    sentences = []
    for i, s in enumerate(values):
        if s == 0:
            continue
        u, v = _column(U, i), _column(V, i)
        if not zero(A * v - u * S.re[i, i].element):
            sentences.append(f"u{i + 1} and v{i + 1} do not fit u{i + 1} = A v{i + 1} / s{i + 1}; multiply u{i + 1} "
                             f"(or v{i + 1}) by the unit complex number that makes them fit")
    return sentences


def _column(M, j):
    return ComplexMatrix(M.re[:, j:j + 1], M.im[:, j:j + 1])
