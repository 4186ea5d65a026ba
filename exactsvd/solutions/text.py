"""Plain Unicode text of a worked solution, for terminals (SymPy's pretty printer).

The renderer formats the steps it is handed and computes nothing; matrices and
fractions are drawn in two dimensions, lines are not wrapped.
"""

import textwrap

from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.pretty.stringpict import prettyForm, stringPict

from .typography import VECTOR_NAMES, common_factor
from .writing import NamedRoots, StepWriter

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPT = {"T": "ᵀ", "H": "ᴴ"}


def to_text(solution):
    """The worked solution as plain Unicode text.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> text = to_text(explain([[3, 4]]))
    >>> print("\\n".join(text.splitlines()[:5]))
    Worked solution: the singular value decomposition of A (1×2)
    <BLANKLINE>
    Step 1. The matrix and the choice of Gram matrix
      A has m = 1 rows and n = 2 columns.
      A = [3  4]
    """
    m, n = solution.matrix.shape
    return steps_text(_Writer(solution), solution.steps, f"Worked solution: the singular value decomposition of A ({m}×{n})")


def steps_text(writer, steps, heading):
    """*heading*, then each step as ``Step k. title`` and its lines (indented), as *writer* writes them."""
    parts = [heading]
    for number, step in enumerate(steps, 1):
        title, lines = writer.step(step)
        body = "\n".join("  " + line if line else "" for item in lines for line in item.split("\n"))
        parts.append(f"Step {number}. {title}\n{body}")
    return "\n\n".join(parts)


def _sub(i):
    return str(i).translate(SUB)


def _say(words):
    """Prose, wrapped for a terminal."""
    return textwrap.fill(words, 98)


def _lambdas(indices):
    return " = ".join(f"λ{_sub(i)}" for i in indices)


def _listed(pairs, separator):
    """``[name_1, value_1, separator, name_2, value_2, ...]`` for :meth:`_Writer.eq`."""
    return [piece for k, pair in enumerate(pairs) for piece in ([separator] if k else []) + list(pair)]


class _Printer(NamedRoots, PrettyPrinter):
    """SymPy's Unicode pretty printer with the house typography (:mod:`.typography`), without line wrapping.

    Names some ``CRootOf`` numbers; pulls a matrix's common factor out (unless
    *factor* is false); sums in named roots run in descending powers.
    """

    def __init__(self, names=None, factor=True):
        super().__init__({"use_unicode": True, "wrap_line": False})
        self.name_roots(names, factor)

    def _print_MatrixBase(self, e, lparens="[", rparens="]"):
        found = common_factor(e) if self.factor else None
        if found is None:
            return super()._print_MatrixBase(e, lparens, rparens)
        scale, rest = found
        top, bottom = self._print(scale.numerator), self._print(scale.denominator)
        factor = top if scale.denominator == 1 else top / bottom
        return prettyForm(*stringPict.next(factor, prettyForm("⋅"), super()._print_MatrixBase(rest, lparens, rparens)))


class _Writer(StepWriter):
    """Formats the steps of one solution as ``(title, lines)``."""

    printer_class = _Printer

    def t(self, name):
        """*name* transposed (conjugate transposed for a complex matrix)."""
        return name + SUPERSCRIPT[self.transposed]

    def gram(self, kind):
        return f"{self.t('A')}A" if kind == "AtA" else f"A{self.t('A')}"

    def form(self, piece):
        """A pretty form of a piece; a column vector is drawn as a transposed row, to save lines."""
        if isinstance(piece, prettyForm):
            return piece
        if isinstance(piece, str):
            return prettyForm(piece)
        if getattr(piece, "is_Matrix", False) and piece.cols == 1 and piece.rows > 1:
            return prettyForm(*self.printer._print(piece.T).right("ᵀ"))
        return self.printer._print(piece)

    def eq(self, *pieces):
        """The pieces (words, SymPy objects, pretty forms) side by side, on a common baseline."""
        joined = prettyForm(*stringPict.next(*map(self.form, pieces)))
        return "\n".join(line.rstrip() for line in joined.render(wrap_line=False).split("\n"))

    def group(self, expr, factor=False):
        """*expr* drawn in parentheses unless it is a single term (with *factor*: a single factor).

        An operand of ``−`` needs parentheses when it is a sum or negative; a
        denominator or the base of a power also when it is a product or a fraction
        (``Av₁/(3⋅√5)``, not ``Av₁/3⋅√5``).
        """
        form = self.form(expr)
        compound = expr.is_Add or expr.could_extract_minus_sign()
        if factor:
            compound = compound or expr.is_Mul or expr.as_numer_denom()[1] != 1
        return prettyForm(*form.parens()) if compound else form

    def _MatrixStep(self, step):
        m, n = step.matrix.shape
        vectors = (("vᵢ", "uᵢ = Avᵢ/sᵢ"), ("uᵢ", f"vᵢ = {self.t('A')}uᵢ/sᵢ"))
        return "The matrix and the choice of Gram matrix", [
            f"A has m = {m} rows and n = {n} columns.",
            self.eq("A = ", self.plain._print(step.matrix)),
            _say(self.choice_words(step, str, lambda k: f"{k}×{k}", vectors)),
        ]

    def _GramStep(self, step):
        return "The Gram matrix", [
            self.eq(f"G = {self.gram(step.gram)} = ", step.matrix),
            _say(f"G {self.gram_words()}"),
        ]

    def _CharpolyStep(self, step):
        title = "The characteristic polynomial and the eigenvalues"
        if not step.factors:
            return title, ["G is empty: it has no eigenvalues."]
        lam = self.eq(step.variable)
        prefix = f"p({lam}) = det({lam}I − G) "
        if len(step.factors) == 1 and step.factors[0].multiplicity == 1:
            lines = ["The characteristic polynomial is irreducible:", self.eq(prefix + "= ", step.expanded)]
        else:
            powers = [(self.power(f.polynomial, f.multiplicity),) for f in step.factors]
            lines = [
                "The characteristic polynomial, expanded and factored into irreducible factors:",
                self.eq(prefix + "= ", step.expanded),
                self.eq(" " * len(prefix) + "= ", *_listed(powers, " · ")),
            ]
        lines += [self.factor_note(f) for f in step.factors if f.degree >= 3]
        return title, lines + ["The eigenvalues, in descending order:", *self.eigenvalue_rows(step)]

    def power(self, expr, exponent):
        form = self.group(expr, factor=True)
        return prettyForm(*form.right(str(exponent).translate(SUP))) if exponent > 1 else form

    def eigenvalue_rows(self, step):
        """One line per distinct eigenvalue; a named ``CRootOf`` is defined where it first appears."""
        named = {r.root for r in step.roots}
        for e in step.eigenvalues:
            value = self.raw._print(e.value) if e.value in named else e.value
            decimal = ["  ≈ ", e.decimal] if e.decimal is not None else []
            label = _lambdas(range(e.index, e.index + e.multiplicity))
            yield self.eq(f"  {label} = ", value, *decimal, f"   (multiplicity {e.multiplicity})")
            for r in step.roots:
                if e.value.has(r.root) and r.root != e.value:
                    yield self.eq(f"  where {self.eq(r.symbol)} = ", self.raw._print(r.root), "  ≈ ", r.decimal)

    def factor_note(self, factor):
        if factor.radical:
            return self.eq(
                "The factor ", factor.polynomial, " splits over a quadratic field: its roots are nested square roots."
            )
        if factor.degree == 3:
            cubic = self.eq("The cubic factor ", factor.polynomial, " is irreducible and has three real roots")
            return (
                cubic
                + "\n"
                + _say(
                    "(casus irreducibilis): they have no expression in real radicals, so they are named exactly as "
                    "CRootOf (the roots numbered from the smallest, isolated by rational intervals), with certified "
                    "decimals."
                )
            )
        factor_line = self.eq(f"The factor of degree {factor.degree} ", factor.polynomial, " is irreducible:")
        return (
            factor_line + "\nits roots are kept exact as CRootOf (numbered from the smallest), with certified decimals."
        )

    def _SingularValuesStep(self, step):
        lines = ["The singular values are the square roots of the eigenvalues, in descending order:"]
        for s in step.values:
            label = f"λ{_sub(s.index)}"
            root = self.printer._print_nth_root(s.eigenvalue, 2)
            pieces = [f"  s{_sub(s.index)} = √{label}"]
            pieces += [] if self.eq(s.eigenvalue) == label else [" = ", root]
            pieces += [] if self.eq(s.value) == self.eq(root) else [" = ", s.value]
            pieces += ["  ≈ ", s.decimal] if s.decimal is not None else []
            lines.append(self.eq(*pieces))
        lines += [
            _say(
                f"The rank is r = {step.rank}, the number of non-zero singular values. Σ has the shape of A and "
                "the singular values on its diagonal:"
            ),
            self.eq("Σ = ", self.plain._print(step.sigma)),
        ]
        return "The singular values", lines

    def _SpaceStep(self, step):
        first = step.indices[0]
        lam = f"λ{_sub(first)}"
        if step.kind == "eigenspace":
            shifted = f"G − {lam}I"
            title = f"Eigenvectors for {_lambdas(step.indices)}"
            value = [] if self.eq(step.eigenvalue) == lam else [" = ", step.eigenvalue]
            lines = [
                self.eq(f"The eigenvectors for {_lambdas(step.indices)}", *value, f" are the null space of {shifted}.")
            ]
        else:
            shifted, title, sentence = self.kernel_words(step, str)
            lines = [_say(sentence)]
        scalable = step.kind == "eigenspace"  # a kernel step shows A or its transpose as given
        lines.append(self.eq(f"{shifted} = ", step.matrix if scalable else self.plain._print(step.matrix)))
        if step.rref is not None:
            lines += [
                self.eq(f"rref({shifted}) = ", self.plain._print(step.rref)),
                "Each free column gives a basis vector (1 in that column, 0 in the other free columns):",
            ]
        else:
            lines.append(
                _say(
                    f"{lam} is a simple root of an irreducible factor f of degree 3 or more. Write "
                    f"f(λ) = (λ − {lam})·q(λ): q(G) times the other factors of p at G kills every other eigenvector, "
                    f"so its non-zero columns are eigenvectors for {lam}, with entries polynomial in {lam} (the "
                    f"reduced row echelon form over ℚ({lam}) is not written out, its entries being far larger):"
                )
            )
        basis, _ = VECTOR_NAMES[step.letter]
        names = [f"{basis}{_sub(i)}" for i in step.indices]
        lines.append(self.eq(*_listed([(f"{b} = ", v) for b, v in zip(names, step.basis)], ",   ")))
        return title, lines + self.orthonormalise(step, names)

    def orthonormalise(self, step, names):
        """Gram–Schmidt (when there are several vectors), then the norms and the unit vectors."""
        lines = []
        ws = names
        if len(names) > 1:
            basis, orthogonal = VECTOR_NAMES[step.letter]
            ws = [f"{orthogonal}{_sub(i)}" for i in step.indices]
            if self.is_complex:
                product = f"({orthogonal}_jᴴ{basis}_k)/({orthogonal}_jᴴ{orthogonal}_j)"
            else:
                product = f"({basis}_k·{orthogonal}_j)/({orthogonal}_j·{orthogonal}_j)"
            lines.append(_say(
                f"Gram–Schmidt, in this order, makes them orthogonal ({orthogonal}_k = {basis}_k − Σ_{{j<k}} "
                f"{product} {orthogonal}_j" + (", with the Hermitian inner product" if self.is_complex else "") + "):"
            ))
            for k, (w, b, vector) in enumerate(zip(ws, names, step.orthogonal)):
                terms = [(" − ", self.group(c), f"·{ws[j]}") for j, c in enumerate(step.projections[k]) if c != 0]
                lines.append(self.eq(f"  {w} = {b}", *(piece for term in terms for piece in term), " = ", vector))
        letter = step.letter
        rule = f"each vᵢ = {self.t('A')}uᵢ/sᵢ" if step.kind == "eigenspace" and letter == "u" else f"each {letter}ᵢ"
        lines.append(_say(self.normalise_words(rule, "φᵢ")))
        phases = step.phases or (None,) * len(step.indices)
        for i, w, norm, length, sign, unit, phase in zip(
            step.indices, ws, step.norms, step.lengths, step.signs, step.units, phases
        ):
            root = self.printer._print_nth_root(norm, 2)
            same = str(root) == str(self.form(length))
            lines.append(self.eq(f"  ‖{w}‖ = ", root, *([] if same else [" = ", length])))
            if phase is not None and phase != 1:
                lines.append(self.eq(f"  φ{_sub(i)} = ", phase))
            scale = f"φ{_sub(i)}·" if phase is not None and phase != 1 else ("−" if sign < 0 else "")
            lines.append(self.eq(f"  {letter}{_sub(i)} = {scale}{w}/‖{w}‖ = ", unit))
        return lines

    def _PartnerStep(self, step):
        source, target, matrix = ("v", "u", "A") if step.letter == "v" else ("u", "v", self.t("A"))
        lines = [
            _say(
                f"For each positive singular value, {target}ᵢ = {matrix}{source}ᵢ/sᵢ, so that "
                f"{matrix}{source}ᵢ = sᵢ{target}ᵢ holds with matching {'phases' if self.is_complex else 'signs'}:"
            )
        ]
        for p in step.vectors:
            product, s = f"{matrix}{source}{_sub(p.index)}", f"s{_sub(p.index)}"
            lines.append(self.eq(f"  {product} = ", p.product))
            value = [] if p.value == 1 else [f"{product}/", self.group(p.value, factor=True), " = "]
            lines.append(self.eq(f"  {target}{_sub(p.index)} = {product}/{s} = ", *value, p.result))
        name = "left" if target == "u" else "right"
        return f"The {name} singular vectors {target}ᵢ = {matrix}{source}ᵢ/sᵢ", lines

    def _FactorsStep(self, step):
        m, n = step.S.shape
        return "The singular value decomposition", [
            f"Full form: U is {m}×{m}, Σ is {m}×{n}, V is {n}×{n} and A = UΣ{self.t('V')}.",
            self.eq("U = ", step.U),
            self.eq("Σ = ", self.plain._print(step.S)),
            self.eq("V = ", step.V),
            _say(
                f"The thin form keeps the first k = min(m, n) = {step.thin} columns of U and V and the top left "
                f"{step.thin}×{step.thin} block of Σ; the compact form keeps r = {step.rank} of them."
            ),
        ]

    def _CheckStep(self, step):
        m, n = step.matrix.shape
        verdict = _say(self.proof_words(step))
        U, V = self.t("U"), self.t("V")
        return "The check", [self.eq(f"{U}U = I{_sub(m)},   {V}V = I{_sub(n)},   UΣ{V} = ", self.plain._print(step.matrix), " = A"), verdict]

    def _RankOneStep(self, step):
        names = [f"s{_sub(t.index)}u{_sub(t.index)}{self.t('v' + _sub(t.index))}" for t in step.terms]
        lines = ["A is the sum of r rank-one matrices:", f"  A = {' + '.join(names) or '0'}"]
        lines += [self.eq(f"  {name} = ", t.matrix) for name, t in zip(names, step.terms)]
        return "The rank-one expansion", lines
