"""The field of the entries of a matrix with parameters: ``F = K(x, ...)``.

``K`` is ``QQ`` or one real algebraic field ``QQ<alpha>`` holding every
constant of the entries; the parameters are the matrix's free symbols, with
their SymPy assumptions.  ``sin(t)`` and ``cos(t)`` of a real symbol ``t``
are handled by the rational parametrisation ``tau = tan(t/2)``:
``cos t = (1 - tau^2)/(1 + tau^2)``, ``sin t = 2 tau/(1 + tau^2)``, valid
wherever ``cos t != -1``; every result is mapped back to ``cos t`` and
``sin t`` (:meth:`ParameterField.to_expr`).
"""

from sympy import Abs, Dummy, I, Poly, Rational, cancel, conjugate, cos, factor_terms, fraction, sin, together
from sympy.polys.constructor import construct_domain
from sympy.polys.domains import QQ
from sympy.polys.polyerrors import CoercionFailed
from sympy.polys.matrices import DomainMatrix

from ..errors import UnsupportedEntryError, shorten
from .signs import sample_point


class ParameterField:
    """``F = K(x, ...)`` for the entries of a SymPy matrix with free symbols.

    Attributes
    ----------
    symbols : tuple of Symbol
        The parameters, sorted by name (``t`` of ``sin t``, ``cos t`` included).
    generators : tuple of Symbol
        The generators of ``F``: the symbols, with ``tau`` in place of an angle ``t``.
    angles : dict
        ``{t: tau}`` for every symbol that occurs under ``sin``/``cos``.
    domain : sympy FracField domain
        ``F``.

    Examples
    --------
    >>> from sympy import Matrix, cos, sin, symbols
    >>> x = symbols("x", real=True)
    >>> P = ParameterField(Matrix([[x, 1], [0, x**2]]))
    >>> P.symbols, str(P.domain)
    ((x,), 'QQ(x)')
    >>> t = symbols("t", real=True)
    >>> P = ParameterField(Matrix([[cos(t), -sin(t)]]))
    >>> [P.to_expr(a) for a in P.matrix.to_list()[0]]
    [cos(t), -sin(t)]
    """

    def __init__(self, matrix, name="A"):
        self.name = name
        self.angles = _angles(matrix, name)
        entries = [together(e.subs(self._tau_substitution())) for e in matrix]
        self.symbols = tuple(sorted(set(matrix.free_symbols), key=str))
        self.conjugates = {s: Dummy(f"{s}_conjugate") for s in self.symbols if not s.is_real}
        self.is_complex = bool(self.conjugates) or any(e.has(I) for e in entries)
        free = {s for e in entries for s in e.free_symbols} | set(self.conjugates.values())
        self.generators = tuple(sorted(free, key=str))
        self.constants = _constant_field(entries, self.generators, matrix, name, self.is_complex)
        self.domain = self.constants.frac_field(*self.generators)
        rows, cols = matrix.shape
        F = self.domain
        self.matrix = DomainMatrix([[F.from_sympy(entries[i * cols + j]) for j in range(cols)] for i in range(rows)],
                                   (rows, cols), F)
        self._swap = {self.generators.index(x): self.generators.index(c) for x, c in self.conjugates.items()}
        self._swap.update({j: i for i, j in self._swap.items()})

    def conjugate(self, a):
        """The complex conjugate of the element *a* of ``F``: ``x <-> conjugate(x)``, ``i -> -i`` (complex fields only)."""
        return self.domain.field.new(self._conjugate_poly(a.numer), self._conjugate_poly(a.denom))

    def _conjugate_poly(self, p):
        K = self.constants
        terms = {}
        for monom, c in p.terms():
            swapped = tuple(monom[self._swap.get(k, k)] for k in range(len(monom)))
            terms[swapped] = K.from_sympy(K.to_sympy(c).conjugate())
        return p.ring.from_dict(terms)

    def adjoint(self, M):
        """``M^H`` (``M^T`` for a real field) of a ``DomainMatrix`` over ``F``."""
        if not self.is_complex:
            return M.transpose()
        rows = M.transpose().to_list()
        return DomainMatrix([[self.conjugate(a) for a in row] for row in rows], (M.shape[1], M.shape[0]), M.domain)

    def sample(self):
        """A point of the generators inside the assumptions (complex parameters: a non-real point and its conjugate)."""
        point = {}
        for k, s in enumerate(g for g in self.generators if g not in self.conjugates.values()):
            value = sample_point(s, k)
            if s in self.conjugates:
                value = value + I * Rational(2, 5 + k)
                point[self.conjugates[s]] = value.conjugate()
            point[s] = value
        return point

    def _tau_substitution(self):
        subs = {}
        for t, tau in self.angles.items():
            subs[cos(t)] = (1 - tau**2) / (1 + tau**2)
            subs[sin(t)] = 2 * tau / (1 + tau**2)
        return subs

    def to_expr(self, a):
        """The element *a* of ``F`` as a SymPy expression in the original symbols (``cos t``, ``sin t``, ``conjugate(x)``)."""
        expr = self.domain.to_sympy(a)
        return self.map_back(expr)

    def map_back(self, expr):
        """A SymPy expression in the generators with ``tau = sin t / (1 + cos t)`` put back (``tau^2`` reduced)."""
        if self.conjugates:
            expr = cancel(expr)  # a rational function over QQ<I>: numerator and denominator share a constant
            expr = expr.xreplace({c: conjugate(x) for x, c in self.conjugates.items()})
            expr = expr.subs({x * conjugate(x): Abs(x) ** 2 for x in self.conjugates})
        for t, tau in self.angles.items():
            expr = _reduce_tau(expr, tau, cos(t), sin(t))
        return expr



def _angles(matrix, name):
    """``{t: tau}`` for the symbols under ``sin``/``cos`` (each must be a real symbol itself)."""
    angles = {}
    for f in matrix.atoms(sin, cos):
        t = f.args[0]
        if not (t.is_Symbol and t.is_real):
            raise UnsupportedEntryError(
                f"{name}: {shorten(str(f))} is not supported: sin and cos only of a real symbol (sin(t), not sin(2*t)); "
                "introduce a symbol for the angle, or substitute a value"
            )
        angles.setdefault(t, Dummy(f"tau_{t}", real=True))
    return angles


def _constant_field(entries, generators, matrix, name, complex_field):
    """``K``: ``QQ`` or the real algebraic field of every coefficient of every numerator and denominator.

    With complex parameters or constants ``K`` is ``QQ<I>`` (Gaussian rational constants only).
    """
    coefficients = []
    for e in entries:
        for part in fraction(e):
            coefficients += Poly(part, *generators).coeffs() if generators else [part]
    if complex_field:
        K = QQ.algebraic_field(I)
        try:
            for c in coefficients:
                K.from_sympy(c)
            return K
        except CoercionFailed:
            pass
        raise UnsupportedEntryError(
            f"{name}: with complex parameters or constants the symbolic path takes Gaussian rational constants "
            f"(a + b*I, a and b rational); {shorten(str(list(matrix)))} has others. Substitute values first"
        )
    K, _ = construct_domain(coefficients, field=True, extension=True)
    if K.is_ZZ:
        K = K.get_field()
    if not (K.is_QQ or (K.is_AlgebraicField and K.ext.is_real)):
        raise UnsupportedEntryError(
            f"{name}: the constants of {shorten(str(list(matrix)))} do not lie in one real number field; with "
            "parameters the exact path takes rational and real algebraic constants (complex parameters: declare "
            "the symbol complex); substitute values to use the complex path"
        )
    return K


def _reduce_tau(expr, tau, c, s):
    """*expr* (rational in ``tau``) as ``r0(c) + r1(c) tau`` with ``tau = s/(1 + c)``, ``tau^2 = (1 - c)/(1 + c)``."""
    if not expr.has(tau):
        return expr
    num, den = fraction(together(expr))

    def parts(p):
        poly = Poly(p, tau)
        even = odd = 0
        square = (1 - c) / (1 + c)
        for (k,), coeff in poly.terms():
            if k % 2:
                odd += coeff * square ** (k // 2)
            else:
                even += coeff * square ** (k // 2)
        return cancel(even), cancel(odd)

    n0, n1 = parts(num)
    d0, d1 = parts(den)
    square = (1 - c) / (1 + c)
    norm = cancel(d0**2 - d1**2 * square)
    r0 = cancel((n0 * d0 - n1 * d1 * square) / norm)
    r1 = cancel((n1 * d0 - n0 * d1) / norm)
    result = r0 + cancel(r1 / (1 + c)) * s
    return factor_terms(result)
