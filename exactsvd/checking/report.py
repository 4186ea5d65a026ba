"""What the checker returns: :class:`CheckReport` and the :class:`Facts` it established."""

from dataclasses import dataclass

from sympy import N

#: Longest exact form shown in a message; longer values are shown as decimals only.
_EXACT_WIDTH = 40


@dataclass(frozen=True)
class Facts:
    """What the checker established about ``(U, S, V)``; ``None`` where it did not decide.

    Attributes
    ----------
    shape : tuple
        ``(m, n)``, the shape of ``A``.
    rank : int
        The rank of ``A``.
    singular_values : tuple
        The values on the diagonal of ``S``, as given.
    true_singular_values : tuple
        The singular values of ``A`` (``min(m, n)`` of them, descending).
    descending : bool or None
        The given values are non-negative and in descending order.
    orthonormal_u, orthonormal_v : bool or None
        ``U^T U = I`` and ``V^T V = I``.
    reconstructs : bool or None
        ``U S V^T = A``.
    canonical : bool or None
        ``(U, S, V)`` is exactly ``exactsvd.svd(A, form)``.
    equivalent : bool or None
        ``(U, S, V)`` equals the canonical answer up to the freedoms of an SVD:
        joint sign flips of ``(u_i, v_i)``, another orthonormal basis inside a
        repeated singular value or a null space (projectors compared).
    differences : tuple of str
        How a valid answer differs from the canonical one.
    method : str
        How the identities were decided.
    digits : int or None
        With a tolerance: the number of decimal digits to which the answer
        agrees with the exact one.
    undecided : tuple of str
        What could not be decided exactly (the field was too large).
    """

    shape: tuple
    rank: int = None
    singular_values: tuple = ()
    true_singular_values: tuple = ()
    descending: bool = None
    orthonormal_u: bool = None
    orthonormal_v: bool = None
    reconstructs: bool = None
    canonical: bool = None
    equivalent: bool = None
    differences: tuple = ()
    method: str = ""
    digits: int = None
    undecided: tuple = ()


@dataclass(frozen=True)
class CheckReport:
    """The verdict of :func:`exactsvd.check`.

    Attributes
    ----------
    ok : bool
        ``(U, S, V)`` is proved to be a valid SVD of ``A``: consistent shapes
        of a full, thin or compact SVD, ``S`` diagonal with non-negative values
        in descending order, ``U^T U = I``, ``V^T V = I`` and ``U S V^T = A``.
    problems : tuple of str
        One plain sentence per problem proved (empty when ``ok``).  What
        could not be decided is never among them.
    facts : Facts
        What was established on the way.
    form : str or None
        ``"full"``, ``"thin"`` or ``"compact"`` as recognised from the shapes.
    subject : str
        What was checked, for the verdict line.
    undecided : tuple of str
        One sentence, with its reason, per identity that could not be decided
        exactly (the numbers generate too large a number field); then ``ok``
        is ``False`` but the answer is not called wrong.

    ``str(report)`` is a verdict line followed by one line per problem (or,
    when nothing was proved wrong but something is undecided, per undecided
    identity).  :attr:`verdict` is ``"valid"``, ``"wrong"`` or ``"undecided"``.
    ``bool(report)`` is ``ok``, so ``if exactsvd.check(A, U, S, V):`` accepts
    only a valid answer (an undecided one is not accepted either).

    Examples
    --------
    >>> import exactsvd
    >>> bool(exactsvd.check([[2]], [[1]], [[2]], [[1]])), bool(exactsvd.check([[2]], [[1]], [[3]], [[1]]))
    (True, False)
    """

    ok: bool
    problems: tuple
    facts: Facts
    form: str = None
    subject: str = "a valid SVD of A"
    undecided: tuple = ()

    @property
    def verdict(self):
        """``"valid"`` (proved), ``"wrong"`` (a problem proved) or ``"undecided"`` (neither)."""
        return "valid" if self.ok else "wrong" if self.problems else "undecided"

    def __bool__(self):
        return self.ok

    def __str__(self):
        form = f" ({self.form} form)" if self.form else ""
        if self.verdict == "undecided":
            return "\n".join([f"could not decide exactly whether the answer is {self.subject}{form}:"]
                             + [f"- {p}" for p in self.undecided])
        if not self.ok:
            return "\n".join([f"not {self.subject}{form}:"] + [f"- {p}" for p in self.problems])
        verdict = f"{self.subject}{form}"
        if self.facts.digits is not None:
            verdict += f", agrees to {self.facts.digits} digits"
        if self.facts.canonical:
            verdict += ", equal to the canonical answer"
        elif self.facts.differences:
            verdict += "; differs from the canonical answer only by " + "; ".join(self.facts.differences)
        return verdict


def number_text(value):
    """A number for a message: exact, with its decimal value when it is not rational.

    >>> from sympy import sqrt, Rational, Float
    >>> number_text(sqrt(5)), number_text(Rational(-3, 5)), number_text(Float("0.4472136"))
    ('sqrt(5) ≈ 2.23607', '-3/5', '0.447214')
    """
    if value.is_Rational:
        return str(value)
    decimal = f"{float(N(value, 15)):.6g}"
    text = str(value)
    if value.is_Float or len(text) > _EXACT_WIDTH:
        return decimal if value.is_Float else f"≈ {decimal}"
    return f"{text} ≈ {decimal}"
