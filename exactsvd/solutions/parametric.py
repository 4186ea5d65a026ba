"""Worked solutions of matrices with parameters: the hand method over the rational functions ``Q(x, ...)``.

The steps are those of a number matrix (Gram matrix, characteristic
polynomial and its factors, eigenvalues, eigenvectors, normalisation,
``u_i = A v_i / s_i``, the kernel completion) with formulas in the
parameters, and one more: the conditions under which the generic answer
holds.  Everything is read from the core's
:class:`~exactsvd.symbolic.SymbolicDecomposition` of
``exactsvd.svd(A)`` (nothing is computed again): its Gram matrix and
characteristic polynomial over ``F = K(x, ...)``, the factors, the
eigenvalues, the eigenvectors before normalisation and their squared norms,
and the result's ``U``, ``S``, ``V`` and conditions.  The renderers are in
:mod:`.parametric_render`.
"""

from dataclasses import dataclass

from sympy import ImmutableMatrix, factor

from ..errors import InvalidArgumentError
from ..symbolic import LAMBDA
from ..symbolic.vectors import specialise
from .steps import (
    FactorsStep,
    GramStep,
    MatrixStep,
    PartnerStep,
    PartnerVector,
    SingularValue,
    SingularValuesStep,
    Solution,
)


@dataclass(frozen=True)
class ParametersStep:
    """The parameters and their assumptions (``symbols`` in the result's order)."""

    symbols: tuple


@dataclass(frozen=True)
class ParametricCharpolyStep:
    """``p(lambda) = det(lambda I - G)`` over ``Q(x, ...)``, its factors and the eigenvalues.

    ``factors`` are ``(factor, multiplicity)`` pairs (SymPy, in ``variable`` and
    the parameters); ``eigenvalues`` are ``(index, value, multiplicity)`` in the
    order of the answer, the eigenvalue 0 (``zero`` times) last.
    """

    variable: object
    expanded: object
    factors: tuple
    eigenvalues: tuple
    zero: int


@dataclass(frozen=True)
class EigenvectorsStep:
    """``G w_i = lambda_i w_i``: the eigenvectors before normalisation, ``|w_i|^2`` and ``v_i = w_i / |w_i|``.

    ``letter`` is ``"v"`` (``G = A^T A``) or ``"u"``; ``vectors`` are
    ``(index, eigenvalue, w, norm, unit)`` with column matrices.
    """

    letter: str
    vectors: tuple


@dataclass(frozen=True)
class CompletionStep:
    """The columns of ``U`` (``letter == "u"``) or ``V`` without a partner: an orthonormal kernel basis."""

    letter: str
    columns: tuple  # (index, unit column)


@dataclass(frozen=True)
class ConditionsStep:
    """Where the generic answer holds: ``conditions`` (relationals), and whether ``verify()`` proved it."""

    conditions: tuple
    symbols: tuple
    proved: bool


@dataclass(frozen=True, repr=False)
class ParametricSolution(Solution):
    """The worked solution of the generic SVD of a matrix with parameters; renders like :class:`Solution`."""

    @property
    def roots(self):
        return ()

    @property
    def conditions(self):
        return self.step(ConditionsStep).conditions

    def step_blocks(self):
        """``[(title, blocks)]`` for the LaTeX, Markdown and HTML renderers (:func:`.latex.step_blocks`)."""
        from .parametric_render import parametric_blocks

        return parametric_blocks(self)

    def to_text(self):
        from .parametric_render import parametric_text

        return parametric_text(self)

    __str__ = to_text

    def __repr__(self):
        m, n = self.matrix.shape
        return (f"ParametricSolution({m}x{n} in {', '.join(map(str, self.step(ParametersStep).symbols))}, "
                f"generic rank={self.rank}, singular_values={self.singular_values}, {len(self.steps)} steps)")


def explain_parametric(result, *, gram=None, rank_one=False):
    """The :class:`ParametricSolution` of a :class:`~exactsvd.SymbolicSVDResult` (full form).

    Examples
    --------
    >>> import exactsvd
    >>> from exactsvd.input import as_exact_matrix
    >>> s = explain_parametric(exactsvd.svd(as_exact_matrix("[[x, 0], [0, -5]]", symbols="x")))
    >>> s
    ParametricSolution(2x2 in x, generic rank=2, singular_values=(5, Abs(x)), 9 steps)
    >>> s.step(ParametricCharpolyStep).factors
    ((lambda - 25, 1), (lambda - x**2, 1))
    >>> s.conditions
    (Ne(x, 0), -(x - 5)*(x + 5) >= 0)
    """
    d = result.decomposition
    spectrum, field = d.spectrum, d.spectrum.field
    chosen = "AtA" if spectrum.side == "right" else "AAt"
    if gram is not None and gram != chosen:
        raise InvalidArgumentError(
            f"gram={gram!r}: the worked solution of a matrix with parameters uses the smaller Gram matrix "
            f"({chosen}); leave gram out"
        )
    if rank_one:
        raise InvalidArgumentError("rank_one=True is not supported for matrices with parameters yet; leave it out")
    if result.form != "full":
        raise InvalidArgumentError(f"explain needs the full form of the generic SVD, not {result.form!r}")
    A = ImmutableMatrix(result.matrix)
    letter, other = ("v", "u") if spectrum.side == "right" else ("u", "v")
    U, S, V = result
    own, partner = (V, U) if letter == "v" else (U, V)
    values = result.singular_values
    eigenvalues = tuple((i, e.expr, e.multiplicity) for i, e in enumerate(spectrum.eigenvalues, 1))
    steps = [
        MatrixStep(A, chosen, False),
        ParametersStep(tuple(result.symbols)),
        GramStep(chosen, ImmutableMatrix([[field.to_expr(g) for g in row] for row in spectrum.gram.to_list()])),
        ParametricCharpolyStep(
            LAMBDA,
            field.map_back(spectrum.charpoly),
            tuple((factor(field.map_back(poly.as_expr())), multiplicity) for _, multiplicity, poly in spectrum.factors),
            eigenvalues,
            spectrum.zero_multiplicity,
        ),
    ]
    squares = [e.expr for e in spectrum.eigenvalues for _ in range(e.multiplicity)]
    squares += [0] * (len(values) - len(squares))
    sigma = ImmutableMatrix(S)
    steps.append(SingularValuesStep(
        tuple(SingularValue(i, lam, s, None) for i, (lam, s) in enumerate(zip(squares, values), 1)), d.rank, sigma))
    steps.append(EigenvectorsStep(letter, tuple(_eigenvectors(d, own))))
    matrix = A if letter == "v" else A.T
    steps.append(PartnerStep(letter, matrix, tuple(
        PartnerVector(i + 1, values[i], own[:, i], matrix * own[:, i], partner[:, i]) for i in range(d.rank))))
    completion = [(letter_, tuple((j + 1, M[:, j]) for j in range(d.rank, M.cols)))
                  for letter_, M in ((other, partner), (letter, own)) if M.cols > d.rank]
    steps += [CompletionStep(name, columns) for name, columns in completion]
    steps.append(FactorsStep(ImmutableMatrix(U), sigma, ImmutableMatrix(V), min(A.shape), d.rank))
    steps.append(ConditionsStep(tuple(result.conditions), tuple(result.symbols), result.verify()))
    return ParametricSolution(tuple(steps))


def _eigenvectors(d, own):
    """``(index, eigenvalue, w, |w|^2, unit)`` for every positive singular value, from the core's eigenspaces."""
    spectrum, tower = d.spectrum, d.spectrum.tower
    index = 0
    for eigenvalue in spectrum.eigenvalues:
        space = d.spaces[eigenvalue.factor]
        for w, norm in zip(space.vectors, space.norms):
            entries = [tower.expr(specialise(tower, eigenvalue, a, space.field)) for a in w]
            squared = tower.expr(specialise(tower, eigenvalue, norm, space.field))
            yield index + 1, eigenvalue.expr, ImmutableMatrix(entries), squared, own[:, index]
            index += 1
