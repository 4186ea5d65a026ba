"""What the renderers of a worked solution share: the printers' house rules and the step dispatch.

:class:`NamedRoots` is mixed into SymPy's LaTeX and pretty printers (named
``CRootOf`` numbers, sums in descending powers, a *factor* flag);
:class:`StepWriter` holds one solution's three printers and sends each step
to the method named after its class.  For a complex matrix every transpose
of the text is a conjugate transpose (``transposed`` is ``"H"`` instead of
``"T"``), the Gram matrix is Hermitian and the sign rule is the phase rule.
"""

from .typography import descending_terms


class NamedRoots:
    """Printer mixin: some ``CRootOf`` numbers printed under the names the solution gives them."""

    def name_roots(self, names, factor):
        self.names = names or {}
        self.factor = factor

    def _print_ComplexRootOf(self, expr):
        name = self.names.get(expr)
        return super()._print_ComplexRootOf(expr) if name is None else self._print(name)

    def _as_ordered_terms(self, expr, order=None):
        return descending_terms(super()._as_ordered_terms(expr, order=order))


class StepWriter:
    """Formats the steps of one solution (its named roots known); *printer* is the renderer's printer class."""

    printer_class = None

    def __init__(self, solution):
        names = {r.root: r.symbol for r in solution.roots}
        self.printer = self.printer_class(names)
        self.plain = self.printer_class(names, factor=False)
        self.raw = self.printer_class()
        self.is_complex = solution.is_complex
        self.transposed = "H" if self.is_complex else "T"

    def step(self, step):
        """The rendering of one step, by the method named after its class."""
        return getattr(self, "_" + type(step).__name__)(step)

    def proof_words(self, step):
        """The sentence under the identities of the check step (plain words, no formula)."""
        if not step.proved:
            return "The exact proof failed."
        return (
            "Proved exactly: exactsvd's certificate checks these identities in exact arithmetic over each "
            "eigenvalue factor's number field, so no square root and no decimal is involved."
        )

    def choice_words(self, step, math, square, vectors):
        """The sentence on the chosen Gram matrix of the first step.

        *math* marks a formula up, ``square(k)`` writes the size ``k × k``,
        *vectors* is ``(own, follows)`` for ``A^T A`` and for ``A A^T``, in the renderer's notation.
        """
        m, n = step.matrix.shape
        right = step.gram == "AtA"
        chosen, other = self.gram(step.gram), self.gram("AAt" if right else "AtA")
        size, other_size = (n, m) if right else (m, n)
        sizes = f"{square(size)}; {math(other)} is {square(other_size)}"
        if step.forced:
            why = f"As asked, we use {math('G = ' + chosen)} ({sizes})."
        elif size == other_size:
            why = f"Both Gram matrices are {square(size)}; we use {math('G = ' + chosen)}."
        else:
            why = f"We use the smaller Gram matrix, {math('G = ' + chosen)} ({sizes})."
        own, follows = vectors[0 if right else 1]
        return (f"{why} Its eigenvectors are the {'right' if right else 'left'} singular vectors {math(own)} and the "
                f"others follow as {math(follows)}, so that their {'phases' if self.is_complex else 'signs'} fit together.")

    def kernel_words(self, step, math):
        """``(shifted, title, sentence)`` of a kernel step; *math* marks a formula up as the renderer writes it."""
        shifted, factor = (self.t("A"), "U") if step.kind == "left kernel" else ("A", "V")
        title = f"Completing {math(factor)}: the null space of {math(shifted)}"
        sentence = (f"{math(factor)} needs {len(step.indices)} more column(s): an orthonormal basis of the null "
                    f"space of {math(shifted)}, which is orthogonal to the columns found so far.")
        return shifted, title, sentence

    def gram_words(self):
        """What the Gram matrix is, in words (no mathematics to typeset)."""
        if self.is_complex:
            return ("is Hermitian and positive semidefinite: its eigenvalues are real and non-negative, and its "
                    "characteristic polynomial has real coefficients.")
        return "is symmetric and positive semidefinite: its eigenvalues are real and non-negative."

    def normalise_words(self, rule, phi):
        """The sentence before the unit vectors; *rule* names the vectors the sign (or phase) rule looks at."""
        if self.is_complex:
            return (f"Normalise, and apply the phase rule: multiply by the unit complex number {phi} that makes the "
                    f"first non-zero entry of {rule} real and positive:")
        return f"Normalise; the sign is chosen so that the first non-zero entry of {rule} is positive:"
