r"""Presentation MathML (MathML Core, as browsers render it) of the LaTeX math the renderers write.

The worked solution's words and formulas are written once, as LaTeX blocks
(:func:`.latex.step_blocks`: the renderer's own templates around SymPy's
LaTeX printer); the HTML renderer translates each formula with
:func:`latex_to_mathml`.  The translation is a small recursive-descent reader
of the subset of LaTeX those blocks use: groups, ``^`` and ``_``,
``\frac``/``\dfrac``, ``\sqrt`` (with an index), ``\left``/``\right``,
the ``matrix``, ``array`` and ``aligned`` environments (rows ``\\`` with an
optional spacing ``\\[1ex]``, cells ``&``), ``\text``, ``\operatorname``,
``\mathbb``, Greek letters, the operators and spaces below.  A command
outside it is shown as a MathML ``<merror>`` holding its name, visibly, never
dropped (the tests assert that the documents hold none).

Examples
--------
>>> print(latex_to_mathml(r"s_{1} = \frac{\sqrt{5}}{2}"))
<math><msub><mi>s</mi><mn>1</mn></msub><mo>=</mo><mfrac><msqrt><mn>5</mn></msqrt><mn>2</mn></mfrac></math>
>>> print(latex_to_mathml(r"\lambda^{2} - 3 \lambda", display=True))
<math display="block"><msup><mi>λ</mi><mn>2</mn></msup><mo>−</mo><mn>3</mn><mi>λ</mi></math>
"""

import re
from html import escape

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip
OPERATORS = {
    "times": "×", "cdot": "⋅", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠",
    "neq": "≠", "pm": "±", "mp": "∓", "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|",
    "sum": "∑", "prod": "∏", "to": "→", "infty": "∞", "in": "∈", "ldots": "…", "cdots": "⋯", "{": "{",
    "}": "}", "|": "‖", "langle": "⟨", "rangle": "⟩",
}  # fmt: skip
FUNCTIONS = ("det", "min", "max", "dim", "ker", "log", "ln", "exp", "sin", "cos", "tan", "rank")
SPACES = {",": "0.1667em", ";": "0.2778em", ":": "0.2222em", " ": "0.25em", "quad": "1em", "qquad": "2em"}
IGNORED = ("textstyle", "limits", "!", "nonumber")
DOUBLE_STRUCK = {"C": "ℂ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"}
TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|\d+(?:\.\d+)?|\s+|.", re.DOTALL)
FENCES = {"(": "prefix", "[": "prefix", ")": "postfix", "]": "postfix"}
ASCII_OPERATORS = {"-": "−", "*": "∗", "'": "′"}


def latex_to_mathml(code, display=False):
    r"""A ``<math>`` element for the LaTeX math *code* (inline, or a block when *display*).

    Examples
    --------
    >>> print(latex_to_mathml(r"\begin{matrix}1 & 2\end{matrix}"))
    <math><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr></mtable></math>
    >>> print(latex_to_mathml(r"\foo"))
    <math><merror><mtext>\foo</mtext></merror></math>
    """
    body = _Reader(code).sequence(stop=())
    return f'<math display="block">{body}</math>' if display else f"<math>{body}</math>"


class _Reader:
    """Reads LaTeX tokens left to right and writes MathML."""

    def __init__(self, code):
        self.tokens = TOKEN.findall(code)
        self.position = 0

    def peek(self):
        while self.position < len(self.tokens) and self.tokens[self.position].isspace():
            self.position += 1
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += token is not None
        return token

    def argument(self):
        """The raw text of a ``{...}`` argument, spaces kept (for ``\\text``, ``\\begin``), or of one token."""
        if self.peek() != "{":
            return self.take() or ""
        self.take()
        depth, parts = 1, []
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            self.position += 1
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                break
            parts.append(token)
        return "".join(parts)

    def sequence(self, stop):
        """MathML of the tokens up to (not including) one in *stop*, or the end."""
        return "".join(self.elements(stop))

    def elements(self, stop):
        """The MathML elements of the tokens up to one in *stop*, a script joined to its base."""
        out = []
        while (token := self.peek()) is not None and token not in stop:
            if token in ("^", "_"):
                self.take()
                out.append(self.script(out.pop() if out else "<mrow></mrow>", token))
            elif token == "\\displaystyle":
                self.take()
                out.append(f'<mstyle displaystyle="true">{self.sequence(stop)}</mstyle>')
            elif element := self.atom():
                out.append(element)
        return out

    def script(self, base, mark):
        first = self.atom()
        other = {"^": "_", "_": "^"}[mark]
        if self.peek() == other:
            self.take()
            second = self.atom()
            sub, sup = (first, second) if mark == "_" else (second, first)
            return f"<msubsup>{base}{sub}{sup}</msubsup>"
        return f"<msup>{base}{first}</msup>" if mark == "^" else f"<msub>{base}{first}</msub>"

    def atom(self):
        """One element: a ``{...}`` group (an ``<mrow>`` unless it holds one element), a token or a command."""
        token = self.take()
        if token == "{":
            inner = self.elements(stop=("}",))
            self.take()
            return _row(inner)
        if token.startswith("\\"):
            return self.command(token[1:])
        if token[0].isdigit():
            return f"<mn>{token}</mn>"
        if token.isalpha():
            return f"<mi>{escape(token)}</mi>"
        if token in FENCES:
            return f'<mo form="{FENCES[token]}" stretchy="false" lspace="0" rspace="0">{token}</mo>'
        return f"<mo>{escape(ASCII_OPERATORS.get(token, token))}</mo>"

    def command(self, name):
        if name in ("frac", "dfrac"):
            top, bottom = self.atom(), self.atom()
            style = ' displaystyle="true"' if name == "dfrac" else ""
            return f"<mfrac{style}>{top}{bottom}</mfrac>"
        if name == "sqrt":
            if self.peek() == "[":
                self.take()
                index = _row(self.elements(stop=("]",)))
                self.take()
                return f"<mroot>{self.atom()}{index}</mroot>"
            return f"<msqrt>{self.atom()}</msqrt>"
        if name == "left":
            return self.fenced()
        if name == "begin":
            return self.table(self.argument())
        if name in ("text", "mathrm", "textrm"):
            return f"<mtext>{escape(self.argument())}</mtext>"
        if name == "operatorname":
            return f'<mi mathvariant="normal">{escape(self.argument())}</mi>'
        if name == "mathbb":
            letter = self.argument()
            return f"<mi>{DOUBLE_STRUCK.get(letter, escape(letter))}</mi>"
        if name in GREEK:
            variant = ' mathvariant="normal"' if name[0].isupper() else ""
            return f"<mi{variant}>{GREEK[name]}</mi>"
        if name in OPERATORS:
            return f"<mo>{escape(OPERATORS[name])}</mo>"
        if name in FUNCTIONS:
            return f"<mi>{name}</mi>"
        if name in SPACES:
            return f'<mspace width="{SPACES[name]}"></mspace>'
        if name in IGNORED:
            return ""
        return f"<merror><mtext>\\{escape(name)}</mtext></merror>"

    def delimiter(self, form):
        token = self.take() or "."
        symbol = "" if token == "." else OPERATORS.get(token[1:], token) if token.startswith("\\") else token
        return f'<mo form="{form}" stretchy="true" lspace="0" rspace="0">{escape(symbol)}</mo>' if symbol else ""

    def fenced(self):
        """``\\left( ... \\right)`` as a row between stretchy fences."""
        opening = self.delimiter("prefix")
        inner = self.sequence(stop=("\\right",))
        self.take()
        return f"<mrow>{opening}{inner}{self.delimiter('postfix')}</mrow>"

    def table(self, environment):
        r"""A ``matrix``/``array``/``aligned`` environment as ``<mtable>``; ``aligned`` cells alternate right, left."""
        if environment == "array":
            self.argument()  # the column specification
        rows, gaps = [], []
        while self.peek() is not None:
            cells = [self.sequence(stop=("&", "\\\\", "\\end"))]
            while self.peek() == "&":
                self.take()
                cells.append(self.sequence(stop=("&", "\\\\", "\\end")))
            rows.append(cells)
            if self.take() == "\\end":
                self.argument()
                break
            gaps.append(self.row_gap())
        return _mtable(environment, rows, gaps)

    def row_gap(self):
        r"""The extra space of ``\\[1ex]`` (``""`` without one)."""
        if self.peek() != "[":
            return ""
        self.take()
        gap = []
        while (token := self.take()) not in (None, "]"):
            gap.append(token)
        return "".join(gap)


def _row(elements):
    """One element as it is, several (or none) in an ``<mrow>``."""
    return elements[0] if len(elements) == 1 else f"<mrow>{''.join(elements)}</mrow>"


def _mtable(environment, rows, gaps):
    aligned = environment == "aligned"
    out = []
    for number, cells in enumerate(rows):
        gap = gaps[number] if number < len(gaps) else ""
        padding = f"padding-bottom:{gap};" if gap else ""
        tds = []
        for column, cell in enumerate(cells):
            align = ("text-align:right;" if column % 2 == 0 else "text-align:left;") if aligned else ""
            style = f' style="{padding}{align}"' if padding or align else ""
            tds.append(f"<mtd{style}>{cell}</mtd>")
        out.append("<mtr>" + "".join(tds) + "</mtr>")
    attributes = ' class="aligned" displaystyle="true"' if aligned else ""
    return f"<mtable{attributes}>{''.join(out)}</mtable>"
