"""The number field of one irreducible factor of the characteristic polynomial.

For a monic factor ``p`` of degree ``d``, irreducible over the field ``K`` of
the entries, the eigenvectors of the Gram matrix are computed once,
generically, over ``L = K[x]/(p)`` and only then specialised to each of the
``d`` real roots ``theta_0 < ... < theta_(d-1)``.  :class:`EigenField` holds
``L`` (``K`` itself when ``d == 1``) and everything that depends on one root:
its isolating interval, the sign of an element there, its SymPy form, and the
trace form (of traced outer products and of ``theta`` itself).
"""

from functools import cached_property

from sympy import CRootOf, Integer, Poly, Symbol, integer_nthroot, sqrt, sqrtdenest
from sympy.polys.matrices import DomainMatrix

from .embedding import Interval, polynomial_enclosure, rational_polynomial_sign
from .expressions import polynomial_expr, rational
from .numberfield import RelativeField
from .radicals import quartic_radical_roots, radical, rational_square_factor
from .rootof import crootofs


class EigenField:
    """``L = K[x]/(p)`` for a monic irreducible ``p`` over ``K`` with only real roots.

    Parameters
    ----------
    factor : sympy.Poly
        Monic, irreducible over its domain ``K``; all roots real.
    embedding : Embedding
        The real embedding of ``K``.
    roots : list of RealRoot
        The roots of ``p``, ascending; ``roots[j].poly`` is the minimal
        polynomial over ``QQ`` and ``roots[j].index`` the root's index among
        that polynomial's real roots.

    Examples
    --------
    >>> from sympy import Poly, symbols, sqrt
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.core.embedding import Embedding, RealRoot
    >>> x = symbols("x")
    >>> p = Poly(x**2 - 3*x + 1, x, domain=QQ)
    >>> F = EigenField(p, Embedding(QQ), [RealRoot(p, (0, 1), 0), RealRoot(p, (2, 3), 1)])
    >>> F.expr(F.theta, 1) == (3 + sqrt(5)) / 2
    True
    >>> F.sign_at(F.theta - 1, 0)
    -1
    """

    def __init__(self, factor, embedding, roots):
        self.factor = factor
        self.base = factor.domain
        self.embedding = embedding
        self.roots = roots
        self.degree = factor.degree()
        coeffs = factor.rep.to_list()
        if self.degree == 1:
            self.domain = self.base
            self.theta = -coeffs[1]
        else:
            self.domain = RelativeField(self.base, coeffs)
            self.theta = self.domain.gen

    def coefficients(self, a):
        """Coefficients of ``a`` over ``K`` in the basis ``1, theta, ..., theta^(d-1)``."""
        return [a] if self.degree == 1 else a.coefficients()

    def from_coefficients(self, coeffs):
        """The element ``sum coeffs[k] theta^k`` (coefficients over ``K``, lowest first)."""
        return coeffs[0] if self.degree == 1 else self.domain(coeffs[::-1])

    @cached_property
    def modulus_coefficients(self):
        """The coefficients of ``p`` over ``K``, lowest degree first."""
        return self.factor.rep.to_list()[::-1]

    @cached_property
    def trace_of_theta(self):
        """``Tr_(L/K)(theta)``, the sum of the roots of ``p``: minus its coefficient of ``x^(d-1)`` (over ``K``)."""
        return -self.modulus_coefficients[self.degree - 1]

    @cached_property
    def power_sums(self):
        """``Tr(theta^k)`` (over ``K``) for ``k = 0 .. 3d-3`` by Newton's identities."""
        d, K = self.degree, self.base
        c = self.factor.rep.to_list()[1:]  # p = x^d + c[0] x^(d-1) + ... + c[d-1]
        sums = [K.convert(d)]
        for k in range(1, 3 * d - 2):
            s = -K.convert(k) * c[k - 1] if k <= d else K.zero
            for i in range(1, min(k, d + 1)):
                s -= c[i - 1] * sums[k - i]
            sums.append(s)
        return sums

    def coefficient_matrix(self, vector):
        """One row of power-basis coefficients per entry of *vector*."""
        return DomainMatrix([self.coefficients(a) for a in vector], (len(vector), self.degree), self.base)

    def traced_outer(self, left, right, weight):
        """``sum over all roots of left(theta) right(theta)^T weight(theta)``, a matrix over ``K``.

        *left* and *right* are vectors over ``L`` and *weight* an element of
        ``L``.  With ``h_k = Tr(theta^k weight)`` and the Hankel matrix
        ``H[s, t] = h_(s+t)`` the sum is ``Cl H Cr^T`` (``Cl``, ``Cr`` the
        coefficient matrices): exact, and no radical is ever formed.
        """
        d, sums, K = self.degree, self.power_sums, self.base
        w = self.coefficients(weight)
        h = [sum((w[l] * sums[k + l] for l in range(d)), K.zero) for k in range(2 * d - 1)]
        hankel = DomainMatrix([[h[s + t] for t in range(d)] for s in range(d)], (d, d), K)
        return self.coefficient_matrix(left) * hankel * self.coefficient_matrix(right).transpose()

    def enclosure(self, a, root):
        """A rational interval holding ``a(theta_root)``."""
        theta = self.roots[root].interval()
        return polynomial_enclosure(self.coefficients(a), theta, self.embedding.enclose)

    def sign_at(self, a, root):
        """The sign (-1, 0 or 1) of the element *a* at root number *root*, proved exactly.

        A non-zero element of ``L`` is non-zero at every root (each root gives
        an embedding of the field), so refining the intervals of the root and
        of the generator of ``K`` ends with an enclosure that excludes 0.
        """
        if self.degree == 1:
            return self.embedding.sign(a)
        if not a:
            return 0
        if self.base.is_QQ:
            coeffs, theta = self.coefficients(a), self.roots[root]
            while (sign := rational_polynomial_sign(coeffs, theta.lo, theta.hi)) is None:
                theta.refine()
            return sign
        while (sign := self.enclosure(a, root).sign()) is None:
            self.roots[root].refine()
            self.embedding.refine()
        return sign

    def greater(self, root, other, other_root):
        """Whether ``theta_root`` exceeds root *other_root* of *other* (``None``: the number 0)."""
        if other is self:
            return root > other_root
        while True:
            mine = self.roots[root].interval()
            theirs = other.roots[other_root].interval() if other is not None else Interval(0)
            if theirs.hi < mine.lo:
                return True
            if mine.hi < theirs.lo:
                return False
            self.roots[root].refine()
            if other is not None:
                other.roots[other_root].refine()

    @cached_property
    def _quadratic(self):
        """``(-b/2, D)`` over ``K`` with ``theta = -b/2 +- sqrt(D)/2`` when ``p = x^2 + b x + c``."""
        _, b, c = self.factor.rep.to_list()
        return -b / 2, b * b - 4 * c

    @cached_property
    def _denested_discriminant(self):
        """``(t, w)`` with ``sqrt(D) = w sqrt(t)``, ``w > 0`` in ``K``, ``t`` rational (``d == 2``, ``K``
        quadratic: :func:`.radicals.rational_square_factor`), or ``None``."""
        found = rational_square_factor(self.base, self._quadratic[1])
        if found is None:
            return None
        t, w = found
        return t, (w if self.embedding.sign(w) > 0 else -w)

    def _quadratic_expr(self, r, q):
        """``r + q sqrt(D)`` (``r``, ``q`` in ``K``) as a SymPy number; ``sqrt(D)`` denested when it can be."""
        K = self.base
        if self._denested_discriminant is None:
            return K.to_sympy(r) + K.to_sympy(q) * sqrt(K.to_sympy(self._quadratic[1]))
        t, w = self._denested_discriminant  # sqrt(D) = w sqrt(t): q w in K
        return K.to_sympy(r) + K.to_sympy(q * w) * radical(t)[0]

    def root_expr(self, root):
        """The root ``theta_root`` as a SymPy number (radical for ``d <= 2``)."""
        return self.expr(self.theta, root)

    def expr(self, a, root):
        """The element *a* at root number *root* as a SymPy number.

        An element of ``K`` for ``d == 1``; ``r + q*sqrt(D)`` for ``d == 2``; a
        polynomial in ``CRootOf(f, i)`` (``f`` the minimal polynomial of the
        root over ``QQ``) otherwise.
        """
        K = self.base
        if self.degree == 1:
            return K.to_sympy(a)
        if self.degree == 2:
            r, q = self.quadratic_parts(a)
            q = q if root else -q
            return self._quadratic_expr(r, q)
        powers = self._atom_powers(root) if K.is_QQ else None
        if powers is not None:
            scales, atoms, memo = powers
            coefficients = [rational(c) for c in self.coefficients(a)]
            if any(t != 1 for t in scales):
                coefficients = [c * t for c, t in zip(coefficients, scales)]
            return polynomial_expr(coefficients, atoms, memo)
        theta = self._root_exprs[root]
        return sum((K.to_sympy(c) * theta**k for k, c in enumerate(self.coefficients(a)) if c), K.to_sympy(K.zero))

    def _atom_powers(self, root):
        """``([c**k], [rho**k], memo)`` (``k < d``) when root number *root* is ``c * rho``, ``rho`` a ``CRootOf``, else ``None``.

        Built once per root and shared by every entry written in it (*memo*:
        the sort keys of the powers, :func:`.expressions.compare_key`).
        """
        cache = self.__dict__.setdefault("_powers", {})
        if root not in cache:
            scale, atom = self._root_exprs[root].as_coeff_Mul()
            if isinstance(atom, CRootOf):
                powers = [Integer(1), atom] + [atom**k for k in range(2, self.degree)]
                cache[root] = ([scale**k for k in range(self.degree)], powers, {})
            else:
                cache[root] = None
        return cache[root]

    @cached_property
    def _root_exprs(self):
        """Each root (``d >= 3``) in nested square roots when a quartic allows, else ``CRootOf(f, i)``.

        Built once (:func:`.rootof.crootofs`: SymPy would factor ``f`` for every new ``CRootOf``).
        """
        if self.degree == 4 and self.base.is_QQ:
            radicals = quartic_radical_roots(self.factor, self.roots)
            if radicals:
                return radicals
        return crootofs(self.roots, self.degree if self.base.is_QQ else None)

    def quadratic_parts(self, a):
        """``(r, q)`` over ``K`` with ``a(theta) = r +- q sqrt(D)`` (only for ``d == 2``)."""
        a0, a1 = self.coefficients(a)
        return a0 + a1 * self._quadratic[0], a1 / 2

    @cached_property
    def sqrt_theta(self):
        """An element ``sigma`` of ``L`` with ``sigma^2 = theta``, or ``None``.

        It exists exactly when ``p(y^2)`` has a factor ``q`` of degree ``d``
        over ``K``; writing ``q(y) = E(y^2) + y O(y^2)`` gives
        ``sigma = -E(theta)/O(theta)``.
        """
        if self.degree == 1:
            return _square_root(self.base, self.theta)
        y = self.factor.gen
        lifted = self.factor.compose(Poly(y**2, y, domain=self.base))
        for q, _ in lifted.factor_list()[1]:
            if q.degree() == self.degree:
                coeffs = q.rep.to_list()[::-1]
                sigma = -self._evaluate(coeffs[0::2]) / self._evaluate(coeffs[1::2])
                if sigma * sigma != self.theta:
                    raise ArithmeticError(f"square root of a root of {self.factor} is wrong")
                return sigma
        return None

    def _evaluate(self, coeffs):
        """``sum coeffs[k] theta^k`` in ``L`` (Horner)."""
        value = self.domain.zero
        for c in reversed(coeffs):
            value = value * self.theta + self.domain.convert(c)
        return value

    def singular_value(self, root):
        """``s = sqrt(theta_root)`` as a SymPy number, in its simplest form.

        When ``s`` lies in ``L`` (``p(y^2)`` splits) and ``d <= 2`` it is written
        as an element of ``L``: ``(1 + sqrt(5))/2``, not ``sqrt(3/2 + sqrt(5)/2)``.
        """
        if self.degree == 1:
            return self._sqrt_in_base(self.theta)
        sigma = self.sqrt_theta if self.degree <= 2 else None
        if sigma is None:
            return self.sqrt_expr(self.theta, root)
        return self.expr(sigma if self.sign_at(sigma, root) > 0 else -sigma, root)

    def _sqrt_of_root(self, root):
        """``sqrt(theta_root)``, denested when the root is a radical."""
        theta = self.root_expr(root)
        return sqrt(theta) if theta.has(CRootOf) else sqrtdenest(sqrt(theta))

    def sqrt_expr(self, a, root):
        """``sqrt(a(theta_root))`` for an element positive at that root, simplified.

        A square root that lies in ``K`` is taken there.  For ``d == 2`` the
        square root of ``r + q sqrt(D)`` is denested when ``r^2 - q^2 D`` is the
        square of some ``c`` in ``K``: it is ``sqrt((r+c)/2) +- sqrt((r-c)/2)``.
        """
        if self.degree == 1:
            return self._sqrt_in_base(a)
        if a == self.theta and self.degree > 2:
            return self._sqrt_of_root(root)
        if self.degree != 2:
            return sqrt(self.expr(a, root))
        K = self.base
        r, q = self.quadratic_parts(a)
        if root == 0:
            q = -q
        disc = self._quadratic[1]
        c = _square_root(K, r * r - q * q * disc)
        if q and c is not None:
            if self.embedding.sign(c) < 0:
                c = -c
            sign = self.embedding.sign(q)
            return self._sqrt_in_base((r + c) / 2) + sign * self._sqrt_in_base((r - c) / 2)
        return sqrt(self._quadratic_expr(r, q))

    def _sqrt_in_base(self, a):
        """``sqrt(a)`` for a non-negative ``a`` in ``K``: an element of ``K`` when one exists."""
        value = self.base.to_sympy(a)
        if value.is_Rational and not self.base.is_QQ:  # sqrt(7), not a polynomial in the generator of K
            return radical(value)[0]
        root = _square_root(self.base, a)
        if root is None:
            found = rational_square_factor(self.base, a)  # sqrt(a) = w sqrt(t): denested
            if found is None:
                return radical(value)[0]
            t, w = found
            return self.base.to_sympy(w if self.embedding.sign(w) > 0 else -w) * radical(t)[0]
        return self.base.to_sympy(root if self.embedding.sign(root) >= 0 else -root)


def _square_root(K, a):
    """Some ``c`` in ``K`` with ``c^2 = a``, or ``None``."""
    if not a:
        return K.zero
    if K.is_QQ:
        num, den = (integer_nthroot(abs(int(k)), 2) for k in (K.numer(a), K.denom(a)))
        return K.convert(num[0]) / K.convert(den[0]) if a > 0 and num[1] and den[1] else None
    y = Symbol("y")
    for factor, _ in Poly([K.one, K.zero, -a], y, domain=K).factor_list()[1]:
        if factor.degree() == 1:
            lead, const = factor.rep.to_list()
            return -const / lead
    return None
