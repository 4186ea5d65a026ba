r"""LaTeX of a worked solution: a fragment, or a document that ``pdflatex`` compiles.

The renderer formats the steps it is handed and computes nothing.  Each step
becomes a title and a list of blocks, ``("text", words with $math$)`` and
``("math", display math)``; :func:`to_latex` typesets them and
:mod:`.markdown` reuses them.  Every display sits in a ``\resizebox`` that
shrinks it to the line width only when it is wider (graphicx's ``\width``), as
a typesetter would; a matrix too wide to shrink legibly is broken into blocks
of columns.  The fragment needs ``amsmath`` and ``graphicx``.

``CRootOf`` numbers are printed under the names the solution gives them
(``\lambda_{1}``), and defined once, in the characteristic-polynomial step.
"""

import re

from sympy.printing.latex import LatexPrinter

from ..errors import InvalidArgumentError, shorten
from .typography import VECTOR_NAMES, common_factor
from .writing import NamedRoots, StepWriter

PAPERS = {"a4": "a4paper", "letter": "letterpaper"}
PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[PAPER,margin=2cm]{geometry}
\usepackage{amsmath,amssymb,graphicx}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6ex}
\makeatletter
% \needspace of the needspace package (Peter Wilson, LPPL): a page break here unless #1 of space is left,
% so that no heading is left alone at the foot of a page (neutral penalties: pages are filled).
\@secpenalty=\z@
\newcommand{\needspace}[1]{\begingroup\setlength{\dimen@}{#1}\vskip\z@\@plus\dimen@\penalty\z@%
  \vskip\z@\@plus-\dimen@\vskip\dimen@\penalty9999\vskip-\dimen@\vskip\z@skip\endgroup}
\makeatother
\let\plainsection\section
\renewcommand{\section}{\needspace{12\baselineskip}\plainsection}
\let\plainsubsection\subsection
\renewcommand{\subsection}{\needspace{8\baselineskip}\plainsubsection}
\begin{document}
"""
FIT = (
    r"\par\smallskip{\centering\resizebox{\ifdim\width>\linewidth\linewidth\else\width\fi}{!}"
    r"{$\displaystyle %s$}\par}\smallskip"
)
LINE = 80  # characters of math on one line (11pt, 2 cm margins), roughly


def preamble(paper="a4"):
    r"""The start of a LaTeX document, up to ``\begin{document}``: *paper* ``"a4"`` or ``"letter"``, 2 cm margins.

    Headings are kept with what follows them (a page break comes first when
    less than a few lines are left).

    Examples
    --------
    >>> preamble("letter").splitlines()[1]
    '\\usepackage[letterpaper,margin=2cm]{geometry}'
    >>> preamble("a3")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: paper='a3' is not a paper size; use 'a4' or 'letter'
    """
    if paper not in PAPERS:
        raise InvalidArgumentError(f"paper={shorten(paper)} is not a paper size; use 'a4' or 'letter'")
    return PREAMBLE.replace("PAPER", PAPERS[paper])


def to_latex(solution, standalone=False, paper="a4"):
    r"""The worked solution as LaTeX.

    Parameters
    ----------
    solution : Solution
    standalone : bool
        A whole document for ``pdflatex`` instead of a fragment (which needs
        ``\usepackage{amsmath,graphicx}`` in the including document).
    paper : {"a4", "letter"}
        The paper size of the document.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> fragment = to_latex(explain([[3, 4]]))
    >>> fragment.splitlines()[0]
    '\\subsection*{Step 1. The matrix and the choice of Gram matrix}'
    >>> to_latex(explain([[3, 4]]), standalone=True).endswith("\\end{document}\n")
    True
    """
    head = preamble(paper)
    body = "\n\n".join(f"\\subsection*{{{heading}}}\n{typeset(blocks)}" for heading, blocks in headed_blocks(solution))
    if not standalone:
        return body + "\n"
    m, n = solution.matrix.shape
    title = f"\\section*{{Singular value decomposition of a ${m} \\times {n}$ matrix, step by step}}\n"
    return f"{head}{title}\n{body}\n\\end{{document}}\n"


def typeset(blocks):
    r"""LaTeX of text and math blocks, one paragraph each; a sentence ending in a colon stays on its display's page.

    Examples
    --------
    >>> print(typeset([("text", "Its form:"), ("math", "x = 1")]).replace(FIT % "x = 1", "DISPLAY"))
    Its form:
    <BLANKLINE>
    \nopagebreakDISPLAY
    """
    parts = []
    for k, (kind, content) in enumerate(blocks):
        if kind == "text":
            parts.append(content)
        else:
            introduced = k > 0 and blocks[k - 1][0] == "text" and blocks[k - 1][1].endswith(":")
            parts.append(("\\nopagebreak" if introduced else "") + FIT % content)
    return "\n\n".join(parts)


def document_title(solution):
    """The title of a worked solution's document, in plain Unicode.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> document_title(explain([[3, 4]]))
    'Singular value decomposition of a 1×2 matrix, step by step'
    """
    m, n = solution.matrix.shape
    return f"Singular value decomposition of a {m}×{n} matrix, step by step"


def headed_blocks(solution):
    """``[(heading, blocks)]``: :func:`step_blocks` with each title numbered, ``"Step 1. ..."``."""
    return [(f"Step {number}. {title}", blocks) for number, (title, blocks) in enumerate(step_blocks(solution), 1)]


def step_blocks(solution):
    r"""``[(title, blocks)]``, one per step; a block is ``("text", str)`` or ``("math", str)``.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> title, blocks = step_blocks(explain([[3, 4]]))[1]
    >>> title, blocks[0]
    ('The Gram matrix', ('math', 'G = A A^{T} = \\left[\\begin{matrix}25\\end{matrix}\\right]'))
    """
    own = getattr(solution, "step_blocks", None)  # a solution with steps of its own (parameters)
    if own is not None:
        return own()
    writer = _Writer(solution)
    return [writer.step(step) for step in solution.steps]


def svd_result_latex(result):
    r"""``A = U S V^T`` with the three matrices, for ``SVDResult._repr_latex_``.

    Examples
    --------
    >>> import exactsvd
    >>> print(svd_result_latex(exactsvd.svd([[2]])))
    $\displaystyle \left[\begin{matrix}2\end{matrix}\right] = \left[\begin{matrix}1\end{matrix}\right] \left[\begin{matrix}2\end{matrix}\right] \left[\begin{matrix}1\end{matrix}\right]^{T}$
    """
    U, S, V = factor_codes(result)
    transposed = "H" if result.is_complex else "T"
    return f"$\\displaystyle {Printer(factor=False).doprint(result.matrix)} = {U} {S} {V}^{{{transposed}}}$"


def factor_codes(result):
    r"""The LaTeX of ``U``, ``Sigma`` and ``V`` of an SVD result, with the house typography (``Sigma`` as it is).

    Examples
    --------
    >>> import exactsvd
    >>> print(factor_codes(exactsvd.svd([[1, 1]]))[2])
    \frac{1}{\sqrt{2}} \left[\begin{matrix}1 & 1 \\ 1 & -1\end{matrix}\right]
    """
    printer = Printer()
    return printer.doprint(result.U), Printer(factor=False).doprint(result.S), printer.doprint(result.V)


class Printer(NamedRoots, LatexPrinter):
    """SymPy's LaTeX printer with the house typography (:mod:`.typography`) and names for some ``CRootOf`` numbers.

    A matrix has its common factor pulled out (unless *factor* is false) and
    full-size fractions on spaced rows; sums in named roots run in descending powers.
    """

    def __init__(self, names=None, factor=True):
        super().__init__()
        self.name_roots(names, factor)

    def _print_MatrixBase(self, expr):
        scale, entries = self.factored(expr)
        return scale + _bracket(entries, 0, expr.cols)

    def width(self, matrix):
        """A rough width of the matrix's display, in characters (its factor, then its columns)."""
        scale, entries = self.factored(matrix)
        return _width(scale) + sum(_column_widths(entries, matrix.cols))

    def factored(self, matrix):
        """``(scale, entries)``: the common factor's LaTeX (``""`` if none, else ending in a space) and the entries'."""
        found = common_factor(matrix) if self.factor else None
        scale, rest = found if found else (None, matrix)
        entries = [[self._print(e) for e in rest.row(i)] for i in range(rest.rows)]
        if scale is None:
            return "", entries
        top, bottom = self._print(scale.numerator), self._print(scale.denominator)
        return (top if bottom == "1" else f"\\frac{{{top}}}{{{bottom}}}") + " ", entries


def _width(code):
    """A rough width of LaTeX math, in characters: a fraction counts as its wider part."""
    code = re.sub(r"\\(left|right)\b|\\(begin|end)\{\w*\}|\\[,;!]", "", code)
    fraction = re.compile(r"\\frac\{([^{}]*)\}\{([^{}]*)\}")
    while (found := fraction.search(code)) is not None:
        code = code[: found.start()] + max(found.groups(), key=len) + code[found.end() :]
    return len(re.sub(r"[{}^_ ]", "", re.sub(r"\\[a-zA-Z]+", "x", code)))


def _column_widths(entries, columns):
    """The rough width of each column of a matrix of LaTeX entries (see :func:`_width`), with its spacing."""
    return [max((_width(row[j]) for row in entries), default=1) + 2 for j in range(columns)]


def _bracket(entries, start, stop):
    """Columns ``start:stop`` of a matrix of LaTeX entries, in brackets (``array`` beyond 10 columns, as SymPy).

    Fractions are full size (``\\displaystyle``), on rows spaced apart.
    """
    rows = [row[start:stop] for row in entries]
    if any("\\frac" in e for row in rows for e in row):
        rows = [[f"\\displaystyle {e}" for e in row] for row in rows]
        separator = " \\\\[1ex] "
    else:
        separator = " \\\\ "
    body = separator.join(" & ".join(row) for row in rows)
    columns = stop - start
    env, spec = ("matrix", "") if columns <= 10 else ("array", "{" + "c" * columns + "}")
    return f"\\left[\\begin{{{env}}}{spec}{body}\\end{{{env}}}\\right]"


def _group(code):
    """*code* in parentheses unless it is a single term."""
    return code if re.fullmatch(r"[^-+ ]+|\\frac\{[^ ]*\}\{[^ ]*\}", code) else f"\\left({code}\\right)"


def _text(words):
    return ("text", words)


def _math(code):
    return ("math", code)


def _aligned(rows):
    return _math("\\begin{aligned} " + " \\\\ ".join(rows) + " \\end{aligned}")


def _size(rows, cols):
    return f"${rows} \\times {cols}$"


def _lambdas(indices):
    return " = ".join(f"\\lambda_{{{i}}}" for i in indices)


class _Writer(StepWriter):
    """Formats the steps of one solution as ``(title, blocks)``."""

    printer_class = Printer

    def __call__(self, expr):
        return self.printer.doprint(expr)

    def t(self, name):
        """*name* transposed (conjugate transposed for a complex matrix)."""
        return f"{name}^{{{self.transposed}}}"

    def gram(self, kind):
        return f"{self.t('A')} A" if kind == "AtA" else f"A {self.t('A')}"

    def matrix(self, lhs, matrix, factor=True):
        """Blocks for ``lhs = matrix``, broken into blocks of columns when far too wide for a line.

        The common factor (:func:`.typography.common_factor`) is pulled out
        unless *factor* is false: ``A`` is shown as given, ``Sigma`` with the
        singular values in place, a reduced row echelon form with its pivots.
        """
        scale, entries = (self.printer if factor else self.plain).factored(matrix)
        widths = _column_widths(entries, matrix.cols)
        if sum(widths) <= 2 * LINE or matrix.cols <= 1:
            return [_math(f"{lhs} = {scale}{_bracket(entries, 0, matrix.cols)}")]
        blocks, start, width = [], 0, 0
        for j, w in enumerate(widths + [2 * LINE]):
            if j == matrix.cols or (width + w > LINE and j > start):
                columns = f"Column {j}" if j == start + 1 else f"Columns {start + 1} to {j}"
                blocks += [_text(f"{columns} of ${lhs}$:"), _math(scale + _bracket(entries, start, j))]
                start, width = j, 0
            width += w
        return blocks

    def side_by_side(self, *displays):
        """One display of ``lhs = matrix`` for each ``(lhs, matrix, factor)``, or ``None`` if too wide for a line."""
        codes, width = [], 0
        for lhs, matrix, factor in displays:
            printer = self.printer if factor else self.plain
            width += _width(lhs) + printer.width(matrix) + 4
            codes.append(f"{lhs} = {printer.doprint(matrix)}")
        return _math(" \\qquad ".join(codes)) if width <= LINE else None

    # ------------------------------------------------------------ the steps

    def _MatrixStep(self, step):
        m, n = step.matrix.shape
        vectors = (("v_i", "u_i = A v_i / s_i"), ("u_i", f"v_i = {self.t('A')} u_i / s_i"))
        return "The matrix and the choice of Gram matrix", [
            _text(f"$A$ has $m = {m}$ rows and $n = {n}$ columns."),
            *self.matrix("A", step.matrix, factor=False),
            _text(self.choice_words(step, lambda code: f"${code}$", lambda k: _size(k, k), vectors)),
        ]

    def _GramStep(self, step):
        return "The Gram matrix", [
            *self.matrix(f"G = {self.gram(step.gram)}", step.matrix),
            _text(f"$G$ {self.gram_words()}"),
        ]

    def _CharpolyStep(self, step):
        title = "The characteristic polynomial and the eigenvalues"
        if not step.factors:
            return title, [_text("$G$ is empty: it has no eigenvalues.")]
        lam = self(step.variable)
        p = f"p({lam}) = \\det({lam} I - G)"
        if len(step.factors) == 1 and step.factors[0].multiplicity == 1:
            blocks = [_text("The characteristic polynomial is irreducible:"), _math(f"{p} = {self(step.expanded)}")]
        else:
            factored = " ".join(
                _group(self(f.polynomial)) + (f"^{{{f.multiplicity}}}" if f.multiplicity > 1 else "")
                for f in step.factors
            )
            blocks = [
                _text("The characteristic polynomial, expanded and factored into irreducible factors:"),
                _aligned([f"{p} &= {self(step.expanded)}", f"&= {factored}"]),
            ]
        blocks += [_text(self.factor_note(f)) for f in step.factors if f.degree >= 3]
        return title, blocks + [_text("The eigenvalues, in descending order:"), self.eigenvalue_rows(step)]

    def factor_note(self, factor):
        poly = f"${self(factor.polynomial)}$"
        if factor.radical:
            return f"The factor {poly} splits over a quadratic field: its roots are nested square roots."
        if factor.degree == 3:
            return (
                f"The cubic factor {poly} is irreducible and has three real roots (casus irreducibilis): "
                "they have no expression in real radicals. They are named exactly as CRootOf, the roots of the "
                "polynomial numbered from the smallest, isolated by rational intervals, with certified decimals."
            )
        return (
            f"The factor of degree {factor.degree} {poly} is irreducible: its roots are kept exact as CRootOf "
            "(numbered from the smallest), with certified decimals."
        )

    def eigenvalue_rows(self, step):
        """One row per distinct eigenvalue; a named ``CRootOf`` is defined where it first appears."""
        named = {r.root for r in step.roots}
        rows = []
        for e in step.eigenvalues:
            value = self.raw.doprint(e.value) if e.value in named else self(e.value)
            decimal = f" \\approx {self(e.decimal)}" if e.decimal is not None else ""
            label = _lambdas(range(e.index, e.index + e.multiplicity))
            rows.append(f"{label} &= {value}{decimal} && \\text{{(multiplicity {e.multiplicity})}}")
            rows += [
                f"{self(r.symbol)} &= {self.raw.doprint(r.root)} \\approx {self(r.decimal)} &&"
                for r in step.roots
                if e.value.has(r.root) and r.root != e.value
            ]
        return _aligned(rows)

    def _SingularValuesStep(self, step):
        rows = []
        for s in step.values:
            chain = [f"\\sqrt{{\\lambda_{{{s.index}}}}}", f"\\sqrt{{{self(s.eigenvalue)}}}", self(s.value)]
            chain = [c for k, c in enumerate(chain) if c not in chain[:k]]
            decimal = f" \\approx {self(s.decimal)}" if s.decimal is not None else ""
            rows.append(f"s_{{{s.index}}} &= {' = '.join(chain)}{decimal}")
        blocks = [_text("The singular values are the square roots of the eigenvalues, in descending order:")]
        blocks += [_aligned(rows)] if rows else []
        blocks.append(
            _text(
                f"The rank is $r = {step.rank}$, the number of non-zero singular values. "
                "$\\Sigma$ has the shape of $A$ and the singular values on its diagonal:"
            )
        )
        return "The singular values", blocks + self.matrix("\\Sigma", step.sigma, factor=False)

    def _SpaceStep(self, step):
        first = step.indices[0]
        if step.kind == "eigenspace":
            shifted = f"G - \\lambda_{{{first}}} I"
            title = f"Eigenvectors for ${_lambdas(step.indices)}$"
            value = self(step.eigenvalue)
            label = _lambdas(step.indices) + ("" if value == f"\\lambda_{{{first}}}" else f" = {value}")
            blocks = [_text(f"The eigenvectors for ${label}$ are the null space of ${shifted}$.")]
        else:
            shifted, title, sentence = self.kernel_words(step, lambda code: f"${code}$")
            blocks = [_text(sentence)]
        scalable = step.kind == "eigenspace"  # a kernel step shows A or its transpose as given
        rref = f"\\operatorname{{rref}}({shifted})"
        both = step.rref is not None and self.side_by_side((shifted, step.matrix, scalable), (rref, step.rref, False))
        if both:
            blocks += [_text(blocks.pop()[1] + " Its reduced row echelon form, on the right:"), both]
        else:
            blocks += self.matrix(shifted, step.matrix, factor=scalable)
        if step.rref is not None:
            if not both:
                blocks += [_text("Its reduced row echelon form:"), *self.matrix(rref, step.rref, factor=False)]
            blocks.append(
                _text("Each free column gives a basis vector (1 in that column, 0 in the other free columns):")
            )
        else:
            blocks.append(_text(self.krylov_note(step)))
        basis, _ = VECTOR_NAMES[step.letter]
        names = [f"{basis}_{{{i}}}" for i in step.indices]
        blocks.append(_math(", \\quad ".join(f"{b} = {self(v)}" for b, v in zip(names, step.basis))))
        return title, blocks + self.orthonormalise(step, names)

    def krylov_note(self, step):
        lam = f"\\lambda_{{{step.indices[0]}}}"
        return (
            f"${lam}$ is a simple root of an irreducible factor $f$ of degree 3 or more. Write "
            f"$f(\\lambda) = (\\lambda - {lam})\\, q(\\lambda)$: $q(G)$ times the other factors of $p$ at $G$ "
            f"kills every other eigenvector, so its non-zero columns are eigenvectors for ${lam}$, with entries "
            f"polynomial in ${lam}$ (the reduced row echelon form over $\\mathbb{{Q}}({lam})$ is not written out, "
            "its entries being far larger):"
        )

    def orthonormalise(self, step, names):
        """Gram–Schmidt (when there are several vectors), then the norms and the unit vectors."""
        blocks = []
        ws = names
        if len(names) > 1:
            basis, orthogonal = VECTOR_NAMES[step.letter]
            ws = [f"{orthogonal}_{{{i}}}" for i in step.indices]
            rows = []
            for k, (w, b, vector) in enumerate(zip(ws, names, step.orthogonal)):
                terms = "".join(f" - {_group(self(c))}\\, {ws[j]}" for j, c in enumerate(step.projections[k]) if c != 0)
                rows.append(f"{w} &= {b}{terms} = {self(vector)}")
            if self.is_complex:
                product = f"\\frac{{{orthogonal}_j^{{H}} {basis}_k}}{{{orthogonal}_j^{{H}} {orthogonal}_j}}"
            else:
                product = f"\\frac{{{basis}_k \\cdot {orthogonal}_j}}{{{orthogonal}_j \\cdot {orthogonal}_j}}"
            blocks += [
                _text(
                    "Gram–Schmidt, in this order, makes them orthogonal "
                    f"(${orthogonal}_k = {basis}_k - \\sum_{{j<k}} {product} {orthogonal}_j$"
                    + (", with the Hermitian inner product" if self.is_complex else "") + "):"
                ),
                _aligned(rows),
            ]
        letter = step.letter
        partner = f"v_i = {self.t('A')} u_i / s_i"
        positive = partner if step.kind == "eigenspace" and letter == "u" else f"{letter}_i"
        rows = []
        phases = step.phases or (None,) * len(step.indices)
        for i, w, norm, length, sign, unit, phase in zip(
            step.indices, ws, step.norms, step.lengths, step.signs, step.units, phases
        ):
            root = f"\\sqrt{{{self(norm)}}}"
            rows.append(f"\\lVert {w} \\rVert &= {root}" + ("" if root == self(length) else f" = {self(length)}"))
            if phase is not None and phase != 1:
                rows.append(f"\\varphi_{{{i}}} &= {self(phase)}")
            scale = f"\\varphi_{{{i}}} " if phase is not None and phase != 1 else ("-" if sign < 0 else "")
            rows.append(f"{letter}_{{{i}}} &= {scale}\\frac{{{w}}}{{\\lVert {w} \\rVert}} = {self(unit)}")
        text = self.normalise_words(f"each ${positive}$", "$\\varphi_i$")
        return blocks + [_text(text), _aligned(rows)]

    def _PartnerStep(self, step):
        source, target, matrix = ("v", "u", "A") if step.letter == "v" else ("u", "v", self.t("A"))
        blocks = [
            _text(
                f"For each positive singular value, ${target}_i = \\frac{{1}}{{s_i}} {matrix} {source}_i$, "
                f"so that ${matrix} {source}_i = s_i {target}_i$ holds with matching "
                f"{'phases' if self.is_complex else 'signs'}:"
            )
        ]
        for p in step.vectors:
            product, result, value = f"{matrix} {source}_{{{p.index}}}", f"{target}_{{{p.index}}}", self(p.value)
            scaled = product if value == "1" else f"\\frac{{1}}{{{value}}} {product}"
            blocks.append(_aligned([f"{product} &= {self(p.product)}", f"{result} &= {scaled} = {self(p.result)}"]))
        name = "left" if target == "u" else "right"
        return f"The {name} singular vectors ${target}_i = {matrix} {source}_i / s_i$", blocks

    def _FactorsStep(self, step):
        m, n = step.S.shape
        k = step.thin
        return "The singular value decomposition", [
            _text(
                f"Full form: $U$ is {_size(m, m)}, $\\Sigma$ is {_size(m, n)}, $V$ is {_size(n, n)} "
                f"and $A = U \\Sigma {self.t('V')}$."
            ),
            *self.matrix("U", step.U),
            *self.matrix("\\Sigma", step.S, factor=False),
            *self.matrix("V", step.V),
            _text(
                f"The thin form keeps the first $k = \\min(m, n) = {k}$ columns of $U$ and $V$ and the top left "
                f"{_size(k, k)} block of $\\Sigma$; the compact form keeps $r = {step.rank}$ of them."
            ),
        ]

    def _CheckStep(self, step):
        m, n = step.matrix.shape
        verdict = self.proof_words(step)
        identities = f"{self.t('U')} U = I_{{{m}}}, \\qquad {self.t('V')} V = I_{{{n}}}, \\qquad U \\Sigma {self.t('V')}"
        return "The check", [_math(f"{identities} = {self.plain.doprint(step.matrix)} = A"), _text(verdict)]

    def _RankOneStep(self, step):
        names = [f"s_{{{t.index}}} u_{{{t.index}}} {self.t(f'v_{{{t.index}}}')}" for t in step.terms]
        blocks = [_text("$A$ is the sum of $r$ rank-one matrices:"), _math(f"A = {' + '.join(names) or '0'}")]
        for name, t in zip(names, step.terms):
            blocks += self.matrix(name, t.matrix)
        return "The rank-one expansion", blocks
