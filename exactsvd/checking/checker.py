"""``check(A, U, S, V)``: is ``(U, S, V)`` a valid SVD of ``A``?  Decided with exact arithmetic."""

from sympy import ImmutableMatrix, N, sqrt

from ..api import svd
from ..core.complexmatrix import is_complex_matrix
from ..errors import InvalidArgumentError, shorten
from ..input import as_exact_matrix
from .answer import read_answer, shape_problems
from .canonical import compare, in_form, proved_signs, sign_differences, structural_signs
from .diagnose import diagnose, flipped_sign
from .exact_field import ExactField, Undecided
from .hermitian import check_complex
from .report import CheckReport, Facts, number_text
from .tolerance import Tolerance

#: A rational whose denominator needs this many decimals looks like a rounded decimal.
_ROUNDED_DECIMALS = 3


def check(A, U, S, V, *, tol=None, rationalize=False):
    """Decide whether ``A = U S V^T`` is a valid singular value decomposition.

    Valid means: the shapes of a full, thin or compact SVD; ``S`` diagonal
    with real, non-negative values in descending order; ``U^T U = I``,
    ``V^T V = I`` and ``U S V^T = A``.  Every identity is proved with exact
    arithmetic in one number field that holds all the entries (or entry by
    entry when that field would be too large), never with ``simplify`` or
    floating point.  A wrong answer gets one plain sentence per problem, with
    the likely cause of ``U S V^T != A``: a pair with a flipped sign, ``V``
    given transposed, ``U`` and ``V`` swapped, a wrong singular value (the
    right one is shown), a vector that is not normalised.  A valid answer is
    compared with the canonical one, ``exactsvd.svd(A, form)``, up to the
    freedoms of an SVD (signs of pairs, bases of repeated values and null
    spaces).

    Parameters
    ----------
    A : matrix-like
        As :func:`exactsvd.svd` accepts it.
    U, V : matrix-like
        The singular vectors as columns; entries as for ``A`` (strings such as
        ``"1/sqrt(5)"`` or ``"2*sqrt(5)/5"``, fractions, SymPy numbers).
    S : matrix-like or list
        The matrix of singular values, or a flat list of them (made into the
        diagonal matrix whose shape ``U`` and ``V`` call for).
    tol : number or str, optional
        Check a rounded answer key (``0.447`` for ``1/sqrt(5)``): identities
        hold when every entry is within *tol*, and the report gives the number
        of digits to which the answer agrees with the exact one
        (``report.facts.digits``).  Floats are then accepted in ``U``, ``S``
        and ``V``, complex ones too (``0.7071j``, ``"0.7071i"``): a complex
        answer is checked for ``U^H U = I``, ``V^H V = I`` and ``U S V^H = A``
        to the tolerance, with the same diagnoses as an exact one.  Without *tol*, decimals are exact numbers (``"0.447"`` is
        447/1000) and do not match radicals.
    rationalize : bool
        Accept Python floats everywhere, read as the decimal they print as.

    Returns
    -------
    CheckReport
        ``ok``, ``problems`` (sentences), ``facts``, ``form``.

    Raises
    ------
    ExactSVDError
        An argument is not a matrix, or *tol* is not between 0 and 1.

    Examples
    --------
    >>> import exactsvd
    >>> A = [[3, 0], [4, 5]]
    >>> U = [["1/sqrt(10)", "-3/sqrt(10)"], ["3/sqrt(10)", "1/sqrt(10)"]]
    >>> V = [["1/sqrt(2)", "-1/sqrt(2)"], ["1/sqrt(2)", "1/sqrt(2)"]]
    >>> report = check(A, U, ["3*sqrt(5)", "sqrt(5)"], V)
    >>> report.ok, report.form
    (True, 'full')
    >>> print(report)
    a valid SVD of A (full form); differs from the canonical answer only by flipped signs of the pairs (u2, v2)
    >>> swap = lambda M: [row[::-1] for row in M]
    >>> print(check(A, swap(U), ["sqrt(5)", "3*sqrt(5)"], swap(V)))
    not a valid SVD of A (full form):
    - the singular values are listed in ascending order; list them in descending order, with the columns of U and V in the same order
    >>> print(check(A, U, ["3*sqrt(5)", "sqrt(5)"], [["1/sqrt(2)", "1/sqrt(2)"], ["1/sqrt(2)", "-1/sqrt(2)"]]))
    not a valid SVD of A (full form):
    - U S V^T is not A
    - the signs of u2 and v2 do not fit together: u2 = -A v2 / s2, but an SVD needs u2 = A v2 / s2; change the sign of u2 (or of v2)
    >>> print(check(A, [["0.316", "-0.949"], ["0.949", "0.316"]], ["6.708", "2.236"], [["0.707", "-0.707"], ["0.707", "0.707"]], tol=1e-2))
    a valid SVD of A (full form), agrees to 3 digits; differs from the canonical answer only by flipped signs of the pairs (u2, v2)
    """
    matrix = as_exact_matrix(A, rationalize=rationalize)
    answer = read_answer(U, S, V, rationalize=rationalize or tol is not None)
    tolerance = Tolerance(_tolerance(tol)) if tol is not None else None
    return _Check(matrix, answer, tolerance).report()


def check_singular_values(A, values, *, tol=None, rationalize=False):
    """Check published singular values of ``A``: real, non-negative, descending, and right.

    Parameters
    ----------
    A : matrix-like
    values : list
        The values, largest first; zeros may be left out.
    tol, rationalize
        As for :func:`check`.

    Returns
    -------
    CheckReport
        With ``form`` ``None``; its facts hold the given and the true values.

    Examples
    --------
    >>> print(check_singular_values([[3, 0], [4, 5]], ["3*sqrt(5)", "sqrt(5)"]))
    the singular values of A
    >>> print(check_singular_values([[3, 0], [4, 5]], [7, "sqrt(5)"]))
    not the singular values of A:
    - s1 = 7 is not a singular value of A: A has 3*sqrt(5) ≈ 6.7082 in its place
    - the singular values of A are 3*sqrt(5), sqrt(5): the square roots of the eigenvalues 45, 5 of A^T A = [[25, 20], [20, 25]]
    """
    matrix = as_exact_matrix(A, rationalize=rationalize)
    if not isinstance(values, (list, tuple)):
        raise InvalidArgumentError(
            f"values: expected a list of singular values such as ['3*sqrt(5)', 'sqrt(5)'], got "
            f"{type(values).__name__} {shorten(values)}."
        )
    given = as_exact_matrix([list(values)], rationalize=rationalize or tol is not None, name="singular values")
    run = _Check(matrix, None, Tolerance(_tolerance(tol)) if tol is not None else None)
    run.facts["singular_values"] = tuple(given)
    run._values(list(given))
    facts = Facts(**run.facts, undecided=tuple(run.undecided))
    return CheckReport(not (run.problems or run.open), tuple(run.problems), facts, subject="the singular values of A",
                       undecided=tuple(run.open))


def _tolerance(tol):
    value = as_exact_matrix([[tol]], rationalize=True, name="tol")[0]
    if not 0 < value < 1:
        raise InvalidArgumentError(f"tol={shorten(tol)} must be a number between 0 and 1, e.g. tol=1e-3")
    return value


class _Check:
    """One run of the checker: problems, facts and what could not be decided, collected stage by stage."""

    def __init__(self, A, answer, tolerance):
        self.A, self.answer, self.tolerance = A, answer, tolerance
        self.scalars = tolerance or ExactField
        self.full = svd(A)
        self.true, self.rank = self.full.singular_values, self.full.rank
        self.problems, self.undecided, self.open = [], [], []
        self.facts = {"shape": A.shape, "rank": self.rank, "true_singular_values": self.true}
        self.complex = answer is not None and any(map(is_complex_matrix, (A, answer.U, answer.S, answer.V)))

    def report(self):
        problems, form, fits = shape_problems(self.A, self.answer, self.rank)
        self.problems += problems
        if fits and self.complex:
            return check_complex(self.A, self.answer, form, self.full, self.tolerance)
        if fits:
            self._check(form)
        if self.problems and self.tolerance is None:
            self.problems[:0] = _rounded_hint(self.answer)
        facts = Facts(**self.facts, undecided=tuple(self.undecided))
        ok = not (self.problems or self.open)
        return CheckReport(ok, tuple(self.problems), facts, form, undecided=tuple(self.open))

    def _decide(self, what, test, *args):
        """Run *test*; if it is too large to decide exactly, say so (with the reason), never as a problem."""
        try:
            return test(*args)
        except Undecided as reason:
            self.undecided.append(f"whether {what} ({reason})")
            self.open.append(f"could not decide exactly whether {what}: {reason}")
            return None

    def _check(self, form):
        S = self.answer.S
        values = [S[i, i] for i in range(min(S.shape))]
        self.facts["singular_values"] = tuple(values)
        self._decide("S is diagonal", self._diagonal, S)
        signs = self._values(values)
        canonical = in_form(self.full, form) if form else None
        if canonical and not self.tolerance:
            literal = structural_signs(self.answer, canonical)
            if literal:
                self._literal(canonical, *literal, "literally")
                return
            proved = proved_signs(self.answer, canonical)
            if proved:
                self._literal(canonical, *proved, "proved column by column to be")
                return
        judge = self.tolerance or ExactField([*self.A, *self.answer.U, *S, *self.answer.V])
        self.facts["method"] = judge.describe()
        A, U, S, V = (judge.matrix(M) for M in (self.A, self.answer.U, S, self.answer.V))
        self._decide("U^T U = I", self._orthonormal, judge, "U", U)
        self._decide("V^T V = I", self._orthonormal, judge, "V", V)
        self._decide("U S V^T = A", self._reconstructs, judge, A, U, S, V, signs)
        comparison = self._compare(canonical) if canonical is not None and (self.tolerance or not self.problems) else []
        if self.tolerance:
            true = [*self.true, *[0] * len(values)][: len(values)]
            self.facts["digits"] = judge.digits(comparison + [judge.matrix(_row(values)) - judge.matrix(_row(true))])

    def _literal(self, canonical, u_signs, v_signs, how):
        """The answer is the canonical SVD with some columns negated (*how* says how that was established)."""
        self.full.verify()
        unfit = [i + 1 for i in range(canonical.rank) if u_signs[i] != v_signs[i]]
        self.facts.update(orthonormal_u=True, orthonormal_v=True, reconstructs=not unfit,
                          method=f"exact: {how} the canonical SVD up to column signs (proved by its certificate)")
        if unfit:
            self.problems += ["U S V^T is not A", *map(flipped_sign, unfit)]
        else:
            self.facts.update(equivalent=True, canonical=min(u_signs + v_signs, default=1) > 0,
                              differences=sign_differences(u_signs, v_signs, canonical.rank))

    def _diagonal(self, S):
        off = [(i, j, x) for (i, j), x in S.todok().items() if i != j and not self.scalars.same(x, 0)]
        self.problems += [f"S is not diagonal: it has {number_text(x)} in row {i + 1}, column {j + 1}"
                          for i, j, x in off]

    def _values(self, values):
        """Check the sign, the order and the size of the given singular values; return their signs."""
        if tuple(values) == self.true[: len(values)]:  # literally the values of A: proved by the core
            self.facts["descending"] = True
            return [1 if s != 0 else 0 for s in values]
        signs = [self._decide(f"s{i + 1} >= 0", self.scalars.number_sign, s) for i, s in enumerate(values)]
        self.problems += [
            f"s{i + 1} = {number_text(s)} is negative; a singular value is never negative "
            f"(change the signs of s{i + 1} and u{i + 1} together)"
            for i, (s, sign) in enumerate(zip(values, signs)) if sign is not None and sign < 0
        ]
        negative = any(sign is None or sign < 0 for sign in signs)
        steps = [] if negative else [self._decide(f"s{i + 1} >= s{i + 2}", self.scalars.number_sign, a**2 - b**2)
                                     for i, (a, b) in enumerate(zip(values, values[1:]))]
        rising = [i for i, step in enumerate(steps) if step is not None and step < 0]
        if rising and all(step is not None and step <= 0 for step in steps):
            self.problems.append("the singular values are listed in ascending order; list them in descending "
                                 "order, with the columns of U and V in the same order")
        elif rising:
            i = rising[0]
            self.problems.append(f"the singular values are not in descending order: s{i + 2} = "
                                 f"{number_text(values[i + 1])} is larger than s{i + 1} = {number_text(values[i])}")
        self.facts["descending"] = not (rising or negative)
        self._sizes(values, signs)
        return signs

    def _sizes(self, values, signs):
        """Compare the sizes of the given values with the singular values of ``A``."""
        sizes = [-s if sign is not None and sign < 0 else s for s, sign in zip(values, signs)]
        order = sorted(range(len(sizes)), key=lambda i: -N(sizes[i], 30))
        true = [*self.true, *[0] * len(values)]
        wrong = [(i, sizes[i], true[place]) for place, i in enumerate(order)
                 if self._decide(f"s{i + 1} is right", self.scalars.same, sizes[i], true[place]) is False]
        self.problems += [f"s{i + 1} = {number_text(s)} is not a singular value of A: A has {number_text(t)} "
                          f"in its place" for i, s, t in wrong]
        if wrong:
            m, n = self.A.shape
            gram, name = (self.A.T * self.A, "A^T A") if n <= m else (self.A * self.A.T, "A A^T")
            self.problems.append(
                f"the singular values of A are {', '.join(map(str, self.true))}: the square roots of the "
                f"eigenvalues {', '.join(str(s**2) for s in self.true)} of {name} = {gram.tolist()}")

    def _orthonormal(self, judge, name, M):
        """``M^T M = I``: name each column that is not a unit vector and each pair that is not orthogonal."""
        residual = M.transpose() * M - judge.identity(M.shape[1])
        wrong = sorted(judge.nonzero(residual).items())
        letter = name.lower()
        for (i, j), x in wrong:
            if i == j:
                length = sqrt(judge.value(x + judge.domain.one))
                self.problems.append(f"column {i + 1} of {name} has length {number_text(length)}, not 1")
            elif i < j:
                self.problems.append(f"columns {i + 1} and {j + 1} of {name} are not orthogonal: "
                                     f"{letter}{i + 1} · {letter}{j + 1} = {number_text(judge.value(x))}")
        self.facts[f"orthonormal_{letter}"] = not wrong

    def _reconstructs(self, judge, A, U, S, V, signs):
        residual = U * S * V.transpose() - A
        wrong = judge.nonzero(residual)
        self.facts["reconstructs"] = not wrong
        if wrong:
            self.problems += ["U S V^T is not A", *diagnose(judge, A, U, S, V, signs)]

    def _compare(self, canonical):
        """Compare with the canonical SVD (facts only); return the residual matrices."""
        judge = self.tolerance or ExactField([*self.answer.U, *self.answer.V, *canonical.U, *canonical.V])
        try:
            equivalent, identical, differences, residuals = compare(judge, self.answer, canonical)
        except Undecided as reason:
            self.undecided.append(f"whether the answer is the canonical one up to the freedoms of an SVD ({reason})")
            return []
        self.facts.update(equivalent=equivalent, canonical=identical and self.answer.S == canonical.S,
                          differences=differences)
        return residuals


def _row(values):
    return ImmutableMatrix([list(values)]) if values else ImmutableMatrix.zeros(1, 0)


def _rounded_hint(answer):
    """A hint when the answer has entries such as 447/1000 (a rounded decimal, read exactly)."""
    for M in (answer.U, answer.S, answer.V):
        for x in M:
            if x.is_Rational and _decimals(x.q) >= _ROUNDED_DECIMALS:
                return [f"entries such as {float(x):g} look like rounded decimals, which are read as exact "
                        f"numbers ({x}); pass tol= (such as tol=1e-2) to check a rounded answer"]
    return []


def _decimals(q):
    """The number of decimals of 1/q, or 0 when 1/q is no finite decimal."""
    twos = fives = 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    return max(twos, fives) if q == 1 else 0
