"""LaTeX blocks and text of a worked solution with parameters (:mod:`.parametric`).

The steps shared with number matrices (the matrix, the Gram matrix, the
singular values, ``u_i = A v_i / s_i``, the factors) are written by the
renderers of :mod:`.latex` and :mod:`.text`; this module adds the steps of
its own: the parameters, the characteristic polynomial over ``Q(x, ...)``,
the eigenvectors with their norms, the kernel completion and the
conditions.  It computes nothing.
"""

from sympy import latex

from ..input.symbols import assumption_words
from ..output.symbolic import condition_text, parameters_text
from . import latex as latex_renderer
from . import text as text_renderer
from .parametric import (
    CompletionStep,
    ConditionsStep,
    EigenvectorsStep,
    ParametersStep,
    ParametricCharpolyStep,
)

_RELATIONS = {"!=": "\\neq", ">=": "\\geq", ">": ">"}


def parametric_blocks(solution):
    """``[(title, blocks)]`` of a :class:`~.parametric.ParametricSolution`, as :func:`.latex.step_blocks` gives.

    >>> import exactsvd
    >>> from exactsvd.input import as_exact_matrix
    >>> solution = exactsvd.explain(as_exact_matrix("[[x, 0], [0, -5]]", symbols="x"))
    >>> [title for title, _ in parametric_blocks(solution)][-1]
    'Where the answer holds'
    """
    writer = _LatexWriter(solution)
    return [writer.step(step) for step in solution.steps]


def parametric_text(solution):
    """The plain text of a :class:`~.parametric.ParametricSolution` (as ``str(solution)``)."""
    m, n = solution.matrix.shape
    heading = f"Worked solution: the generic singular value decomposition of A ({m}×{n}) with parameters"
    return text_renderer.steps_text(_TextWriter(solution), solution.steps, heading)


class _LatexWriter(latex_renderer._Writer):
    """The LaTeX writer of number matrices, with the steps of matrices with parameters."""

    def _ParametersStep(self, step):
        listed = ", ".join(f"${latex(s)}$ ({' '.join(assumption_words(s))})" for s in step.symbols)
        return "The parameters", [latex_renderer._text(
            f"The entries are rational functions of the parameters {listed}. The hand method works in the field "
            "of rational functions: every step below is an identity of rational functions (with square roots), "
            "valid for all values of the parameters except those the last step excludes.")]

    def _ParametricCharpolyStep(self, step):
        factors = " ".join(
            latex_renderer._group(self(f)) + (f"^{{{k}}}" if k > 1 else "") for f, k in step.factors
        )
        rows = [f"\\lambda_{{{i}}} &= {self(value)}" + (f" \\quad (\\text{{{k} times}})" if k > 1 else "")
                for i, value, k in step.eigenvalues]
        blocks = [
            latex_renderer._text("The characteristic polynomial of $G$, over the rational functions of the parameters:"),
            latex_renderer._math(f"p(\\lambda) = \\det(\\lambda I - G) = {self(step.expanded)} = {factors}"),
            latex_renderer._text("Its factors give the non-zero eigenvalues, in the order of the answer:"),
        ]
        blocks += [latex_renderer._aligned(rows)] if rows else []
        if step.zero:
            blocks.append(latex_renderer._text(f"and the eigenvalue $0$ ({step.zero} times)."))
        return "The characteristic polynomial and the eigenvalues", blocks

    def _EigenvectorsStep(self, step):
        blocks = [latex_renderer._text(
            f"For each eigenvalue, a vector $w_i$ with $G w_i = \\lambda_i w_i$ (the reduced row echelon basis of "
            f"the null space of $G - \\lambda_i I$, orthogonalised inside a repeated eigenvalue), its squared length "
            f"and the unit vector ${step.letter}_i = w_i / \\lVert w_i \\rVert$:")]
        for i, _, w, norm, unit in step.vectors:
            blocks.append(latex_renderer._aligned([
                f"w_{{{i}}} &= {self(w)}",
                f"\\lVert w_{{{i}}} \\rVert^{{2}} &= {self(norm)}",
                f"{step.letter}_{{{i}}} &= {self(unit)}",
            ]))
        return f"The singular vectors ${step.letter}_i$", blocks

    def _CompletionStep(self, step):
        name = "U" if step.letter == "u" else "V"
        kernel = "left kernel (the null space of $A^{T}$)" if step.letter == "u" else "kernel (the null space of $A$)"
        blocks = [latex_renderer._text(
            f"The remaining columns of ${name}$ are an orthonormal basis of the {kernel}: its reduced row echelon "
            "basis, Gram–Schmidt, normalised:")]
        blocks.append(latex_renderer._aligned([f"{step.letter}_{{{i}}} &= {self(c)}" for i, c in step.columns]))
        return f"The completion of ${name}$", blocks

    def _ConditionsStep(self, step):
        if not step.conditions:
            blocks = [latex_renderer._text("The answer holds for every value of the parameters (within their "
                                           "assumptions): no denominator or norm used above vanishes, and the "
                                           "order of the singular values never changes.")]
        else:
            blocks = [
                latex_renderer._text("The answer holds where all of these hold (denominators and norms used above "
                                     "are not zero, and the singular values are in this order):"),
                latex_renderer._aligned([f"{self(c.lhs)} &{_RELATIONS.get(c.rel_op, c.rel_op)} {self(c.rhs)}"
                                         for c in step.conditions]),
                latex_renderer._text("For other values, substitute them into $A$ and compute its SVD again."),
            ]
        if step.proved:
            blocks.append(latex_renderer._text(
                "Proved exactly: $U^{T} U = I$, $V^{T} V = I$ and $U \\Sigma V^{T} = A$ hold as identities of "
                "rational functions with square roots under these conditions (no values were tried)."))
        return "Where the answer holds", blocks


class _TextWriter(text_renderer._Writer):
    """The text writer of number matrices, with the steps of matrices with parameters."""

    def _ParametersStep(self, step):
        return "The parameters", [text_renderer._say(
            f"The entries are rational functions of the parameters {parameters_text(step.symbols)}. Every step below "
            "is an identity of rational functions (with square roots), valid except where the last step says.")]

    def _ParametricCharpolyStep(self, step):
        lines = [
            "The characteristic polynomial of G, over the rational functions of the parameters:",
            self.eq("  p(λ) = det(λI − G) = ", step.expanded),
            self.eq("       = ", *[piece for f, k in step.factors
                                   for piece in ([self.group(f)] if k == 1 else [self.power(f, k)])]),
            "Its factors give the non-zero eigenvalues, in the order of the answer:",
        ]
        for i, value, k in step.eigenvalues:
            lines.append(self.eq(f"  λ{text_renderer._sub(i)} = ", value, f"  ({k} times)" if k > 1 else ""))
        if step.zero:
            lines.append(f"and the eigenvalue 0 ({step.zero} times).")
        return "The characteristic polynomial and the eigenvalues", lines

    def _EigenvectorsStep(self, step):
        lines = [text_renderer._say(
            f"For each eigenvalue, a vector wᵢ with G wᵢ = λᵢ wᵢ (the reduced row echelon basis of the null space of "
            f"G − λᵢI, orthogonalised inside a repeated eigenvalue), its squared length and {step.letter}ᵢ = wᵢ/‖wᵢ‖:")]
        for i, _, w, norm, unit in step.vectors:
            sub = text_renderer._sub(i)
            lines += [self.eq(f"  w{sub} = ", w), self.eq(f"  ‖w{sub}‖² = ", norm), self.eq(f"  {step.letter}{sub} = ", unit)]
        return f"The singular vectors {step.letter}ᵢ", lines

    def _CompletionStep(self, step):
        name = "U" if step.letter == "u" else "V"
        kernel = "left kernel (null space of Aᵀ)" if step.letter == "u" else "kernel (null space of A)"
        lines = [text_renderer._say(f"The remaining columns of {name} are an orthonormal basis of the {kernel}: "
                                    "its reduced row echelon basis, Gram–Schmidt, normalised:")]
        lines += [self.eq(f"  {step.letter}{text_renderer._sub(i)} = ", c) for i, c in step.columns]
        return f"The completion of {name}", lines

    def _ConditionsStep(self, step):
        if not step.conditions:
            lines = [text_renderer._say("The answer holds for every value of the parameters (within their "
                                        "assumptions).")]
        else:
            lines = [text_renderer._say("The answer holds where all of these hold (denominators and norms used "
                                        "above are not zero, and the singular values are in this order):")]
            lines += [f"  {condition_text(c)}" for c in step.conditions]
            lines.append("For other values, substitute them into A and compute its SVD again.")
        if step.proved:
            lines.append(text_renderer._say(
                "Proved exactly: UᵀU = I, VᵀV = I and UΣVᵀ = A hold as identities of rational functions with "
                "square roots under these conditions (no values were tried)."))
        return "Where the answer holds", lines
