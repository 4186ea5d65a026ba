"""The text that ``exactsvd svd`` prints: exact where it fits the terminal, certified decimals where not.

A textbook prints ``U``, ``S`` and ``V`` exactly when the entries are short
(``√2/2``), and otherwise names the numbers it cannot write short: the
eigenvalues that are roots of an irreducible factor of degree 3 or more are
``λ1 = CRootOf(x^3 - 5x^2 + 6x - 1, 2) ≈ 3.2469796``, the singular vectors of
that factor are one vector ``w(λ)`` of polynomials in the root, normalised
(``v1 = w(λ1)/‖w(λ1)‖``), as in the worked solutions of :mod:`exactsvd.solutions`,
and the matrices are shown in certified decimals (``SVDResult.evalf``).  Exact
matrices are printed as matrix text (``[[√2/2, -√2/2], ...]``) that
:func:`exactsvd.input.parse_matrix_text` reads back.

No line is longer than *width*; ``width=None`` (``--exact``) prints every
entry exactly and in full.  The text is made from the exact core's data
(``result.decomposition``): no SymPy expression of an entry that is not shown
exactly is ever built (entries come one by one from ``result.entry``).
"""

from dataclasses import dataclass

from ..result.decimals import eigenvalue_decimal
from ..result.exact import factor_shapes
from .layout import matrix_lines, matrix_width, wrapped
from .notation import linear, polynomial, root_of

VERIFIED = "verified: U^T U = I, V^T V = I, U S V^T = A (exact)"
VERIFIED_COMPLEX = "verified: U^H U = I, V^H V = I, U S V^H = A (exact)"


def verified_line(result):
    """What the exact proof established (conjugate transposes for a complex matrix)."""
    return VERIFIED_COMPLEX if result.is_complex else VERIFIED

#: Significant digits of the decimals shown in place of long exact numbers.
DIGITS = 8
#: At most this many lines of exact formulas under a matrix shown in decimals.
FORMULA_LINES = 24
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def svd_text(result, verified=None, *, width=None, digits=DIGITS):
    """The text of an exact :class:`~exactsvd.SVDResult` for a terminal *width* columns wide.

    Parameters
    ----------
    result : SVDResult
        An exact result (``method="exact"``).
    verified : bool or None
        Whether ``result.verify()`` proved it (``None``: not attempted).
    width : int or None
        The longest line allowed; ``None`` prints every entry exactly, in full.
    digits : int
        Significant digits of the certified decimals.

    Examples
    --------
    >>> import exactsvd
    >>> print(svd_text(exactsvd.svd([[3, 0], [4, 5]]), True, width=80))
    A (2×2) =
    [[3, 0],
     [4, 5]]
    <BLANKLINE>
    singular values:
      σ1 = 3√5 ≈ 6.7082039
      σ2 = √5 ≈ 2.2360680
    rank: 2
    <BLANKLINE>
    U (2×2) =
    [[ √10/10, 3√10/10],
     [3√10/10, -√10/10]]
    <BLANKLINE>
    S (2×2) =
    [[3√5,  0],
     [  0, √5]]
    <BLANKLINE>
    V (2×2) =
    [[√2/2,  √2/2],
     [√2/2, -√2/2]]
    <BLANKLINE>
    verified: U^T U = I, V^T V = I, U S V^T = A (exact)
    """
    return "\n\n".join(_Text(result, width, digits).blocks(verified))


@dataclass
class _Root:
    """An eigenvalue named ``λi``: a root of an irreducible factor of degree 3 or more."""

    field: object
    root: int
    index: int  # i in λi, the number of its first singular value

    @property
    def name(self):
        return f"λ{self.index}"


class _Text:
    """The blocks of the text of one result."""

    def __init__(self, result, width, digits):
        self.result, self.width, self.digits = result, width, digits
        self.decomposition = result.decomposition
        self.right = self.decomposition.spectrum.side == "right"
        self._decimals = None
        self.roots = {}  # (field id, root) -> _Root
        for i, pair in enumerate(self.decomposition.pairs, 1):
            field = pair.space.field
            if field.degree >= 3 and width is not None:
                self.roots.setdefault((id(field), pair.root), _Root(field, pair.root, i))
        self.fields = list({id(r.field): r.field for r in self.roots.values()}.values())

    def blocks(self, verified):
        A = self.result.matrix
        blocks = [self.matrix_block("A", [[linear(a) for a in row] for row in A.tolist()], A.shape)]
        if self.roots:
            blocks.append("\n".join(self.root_lines()))
        blocks.append("\n".join(self.value_lines()))
        for letter in "uv":
            blocks.append("\n".join(self.factor_lines(letter)))
            if letter == "u":
                blocks.append("\n".join(self.sigma_lines()))
        if verified:
            blocks.append(verified_line(self.result))
        return blocks

    # -- pieces ---------------------------------------------------------
    @property
    def decimals(self):
        """The certified decimals of the result (computed once, when first needed)."""
        if self._decimals is None:
            self._decimals = self.result.evalf(self.digits)
        return self._decimals

    def lines(self, text, indent="  ", continuation=None):
        return wrapped(text, self.width, indent, continuation or indent + "    ")

    def fits(self, cells):
        return self.width is None or matrix_width(cells) <= self.width

    def matrix_block(self, name, cells, shape, relation="="):
        heading = self.lines(f"{name} ({shape[0]}×{shape[1]}) {relation}", indent="", continuation="    ")
        return "\n".join([*heading, *matrix_lines(cells, self.width)])

    def pair_of(self, i):
        """The named root of singular value number *i* (from 1), or ``None``."""
        pairs = self.decomposition.pairs
        if i > len(pairs):
            return None
        pair = pairs[i - 1]
        return self.roots.get((id(pair.space.field), pair.root))

    # -- the eigenvalues named λi --------------------------------------------
    def root_lines(self):
        gram = "AᵀA" if self.right else "AAᵀ"
        lines = []
        for number, field in enumerate(self.fields, 1):
            label = "p" if len(self.fields) == 1 else f"p{number}"
            named = [r for r in self.roots.values() if r.field is field]
            listed = ", ".join(r.name for r in named) if len(named) <= 3 else f"{named[0].name}, ..., {named[-1].name}"
            minimal = field.roots[0].poly.all_coeffs()
            lines += self.lines(f"The eigenvalues {listed} of {gram} are roots of the irreducible polynomial", indent="")
            lines += self.lines(f"{label}(x) = {polynomial(minimal, 'x')}")
            lines += self.lines(f"(CRootOf({label}, k) is its real root number k, from 0, ascending):", indent="")
            for r in named:
                real_root = field.roots[r.root]
                decimal = eigenvalue_decimal(field, r.root, self.digits)
                line = f"{r.name} = {root_of(minimal, real_root.index)} ≈ {decimal}"
                if self.width is not None and len(line) + 2 > self.width:
                    line = f"{r.name} = CRootOf({label}, {real_root.index}) ≈ {decimal}"
                lines += self.lines(line)
        return lines

    # -- the singular values ---------------------------------------------
    def value_lines(self):
        lines = ["singular values:"]
        values = self.result.singular_values
        for i, s in enumerate(values, 1):
            named = self.pair_of(i)
            exact = f"√{named.name}" if named else linear(s)
            if s.is_Rational:
                lines += self.lines(f"σ{i} = {exact}")
            else:
                lines += self.lines(f"σ{i} = {exact} ≈ {self.decimals.singular_values[i - 1]}")
        if not values:
            lines.append("  (none)")
        return lines + [f"rank: {self.result.rank}"]

    def sigma_lines(self):
        """``S`` exactly, or with the names ``σi`` when its exact entries do not fit."""
        m, n = factor_shapes(self.result.matrix.shape, self.result.rank, self.result.form)["S"]
        values = self.result.singular_values
        cells = [[linear(values[i]) if i == j else "0" for j in range(n)] for i in range(m)]
        if any(self.pair_of(i + 1) for i in range(min(m, n))) or not self.fits(cells):
            cells = [[f"σ{i + 1}" if i == j else "0" for j in range(n)] for i in range(m)]
        return [self.matrix_block("S", cells, (m, n))]

    # -- U and V ----------------------------------------------------------
    def columns(self, letter):
        """The rows and the columns of ``U`` (*letter* ``"u"``) or ``V`` in the result's form.

        Each column is ``(i, pair)`` for a column of a named root (``i`` from 1)
        or ``(i, entries)`` with its exact SymPy entries.
        """
        name = letter.upper()
        rows, cols = factor_shapes(self.result.matrix.shape, self.result.rank, self.result.form)[name]
        columns = []
        for j in range(cols):
            named = self.pair_of(j + 1)
            if named:
                columns.append((j + 1, self.decomposition.pairs[j]))
            else:
                columns.append((j + 1, [self.result.entry(name, i, j) for i in range(rows)]))
        return rows, columns

    def factor_lines(self, letter):
        name = letter.upper()
        size, columns = self.columns(letter)
        shape = (size, len(columns))
        exact = [entries for _, entries in columns if isinstance(entries, list)]
        if len(exact) == len(columns):
            cells = [[linear(column[r]) for column in exact] for r in range(size)]
            if self.fits(cells):
                return [self.matrix_block(name, cells, shape)]
        decimal = getattr(self.decimals, name)
        cells = [[str(decimal[r, c]) for c in range(shape[1])] for r in range(size)]
        block = self.matrix_block(name, cells, shape, f"≈ (certified decimals, {self.digits} significant digits)")
        relations, definitions = self.named_formulas(letter, columns)
        definitions += self.exact_columns(letter, columns)
        if len(relations) + len(definitions) > FORMULA_LINES:
            definitions = self.lines(
                f"(the exact entries take {len(definitions)} more lines: print them with --exact or --json)"
            )
        formulas = relations + definitions
        return [block, "exactly:", *formulas] if formulas else [block]

    def named_formulas(self, letter, columns):
        """``v1 = w(λ1)/‖w(λ1)‖, ...`` and the definitions of ``w(λ)``, ``‖w(λ)‖²``: two lists of lines."""
        named = [(i, pair) for i, pair in columns if not isinstance(pair, list)]
        if not named:
            return [], []
        on_gram_side = (letter == "v") == self.right
        if not on_gram_side:
            other, matrix = ("v", "A") if letter == "u" else ("u", "Aᵀ")
            listed = ", ".join(str(i) for i, _ in named)
            return self.lines(f"{letter}i = {matrix}{other}i/σi for i = {listed}"), []
        vectors = {}  # (space id, index) -> name
        for _, pair in named:
            vectors.setdefault((id(pair.space), pair.index), pair)
        names = {key: "w" if len(vectors) == 1 else f"w{k}" for k, key in enumerate(vectors, 1)}
        terms = []
        for i, pair in named:
            w, lam = names[(id(pair.space), pair.index)], self.roots[(id(pair.space.field), pair.root)].name
            terms.append(f"{letter}{i} = {'-' if pair.sign < 0 else ''}{w}({lam})/‖{w}({lam})‖")
        definitions = []
        for key, pair in vectors.items():
            space, w = pair.space, names[key]
            entries = [self.in_root(space.field, a) for a in space.gram_vectors[pair.index]]
            definitions += self.lines(f"{w}(λ) = [{', '.join(entries)}]")
            norm = self.in_root(space.field, space.norms[pair.index])
            which = f",  for λ a root of p{self.fields.index(space.field) + 1}" if len(self.fields) > 1 else ""
            definitions += self.lines(f"‖{w}(λ)‖² = {norm}{which}")
        return self.lines(", ".join(terms)), definitions

    def exact_columns(self, letter, columns):
        """The columns shown in decimals that have a short exact form, one per line."""
        lines = []
        for i, entries in columns:
            if isinstance(entries, list):
                lines += self.lines(f"{letter}{i} = [{', '.join(linear(a) for a in entries)}]")
        return lines

    @staticmethod
    def in_root(field, element):
        """An element of the field of a named root as a polynomial in ``λ``."""
        K = field.base
        return polynomial([K.to_sympy(c) for c in reversed(field.coefficients(element))], "λ")
