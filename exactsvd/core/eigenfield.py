"""The number field of one irreducible factor of the characteristic polynomial.

For a monic irreducible factor ``p`` of degree ``d`` the eigenvectors of the
Gram matrix are computed once, generically, over ``L = QQ[x]/(p)`` and only
then specialised to each of the ``d`` real roots ``theta_0 < ... < theta_{d-1}``.
:class:`EigenField` holds ``L`` (``QQ`` itself when ``d == 1``) together with
everything that depends on a particular root: its isolating interval, the sign
of an element at that root, and the trace form used by the certificate.
"""

from functools import cached_property

from sympy import CRootOf, Poly, Rational, sqrt
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix


class EigenField:
    """``L = QQ[x]/(p)`` for a monic irreducible ``p`` with only real roots.

    Parameters
    ----------
    factor : sympy.Poly
        Monic irreducible polynomial over ``QQ`` whose roots are all real.
    intervals : sequence of (Rational, Rational)
        Isolating intervals of its roots, ascending (``a == b`` for a rational root).

    Examples
    --------
    >>> from sympy import Poly, symbols
    >>> x = symbols("x")
    >>> F = EigenField(Poly(x**2 - 3*x + 1, x), [(0, 1), (2, 3)])
    >>> F.expr(F.theta, 1)
    3/2 + sqrt(5)/2
    >>> F.sign_at(F.theta - F.domain.convert(1), 0)
    -1
    """

    def __init__(self, factor, intervals):
        self.factor = factor
        self.degree = factor.degree()
        self.intervals = [(Rational(a), Rational(b)) for a, b in intervals]
        if self.degree == 1:
            self.domain = QQ
            self.theta = -factor.rep.to_list()[-1]
        else:
            self.domain = QQ.algebraic_field(CRootOf(factor, 0))
            self.theta = self.domain([QQ.one, QQ.zero])
            if self.domain.mod.to_list() != factor.rep.to_list():
                raise ArithmeticError(f"number field for {factor} has another modulus")

    def coefficients(self, a):
        """Coefficients of ``a`` in the power basis ``1, theta, ..., theta^(d-1)``."""
        if self.degree == 1:
            return [a]
        coeffs = a.to_list()[::-1]
        return coeffs + [QQ.zero] * (self.degree - len(coeffs))

    def as_poly(self, a):
        """``a`` as a polynomial in the generator (a ``Poly`` over ``QQ``)."""
        return Poly(self.coefficients(a)[::-1], self.factor.gen, domain=QQ)

    @cached_property
    def power_sums(self):
        """``Tr(theta^k)`` for ``k = 0 .. 3d-3`` by Newton's identities."""
        d = self.degree
        c = self.factor.rep.to_list()[1:]  # p = x^d + c[0] x^(d-1) + ... + c[d-1]
        sums = [QQ(d)]
        for k in range(1, 3 * d - 2):
            s = -k * c[k - 1] if k <= d else QQ.zero
            for i in range(1, min(k, d + 1)):
                s -= c[i - 1] * sums[k - i]
            sums.append(s)
        return sums

    def coefficient_matrix(self, vector):
        """One row of power-basis coefficients per entry of *vector*."""
        return DomainMatrix([self.coefficients(a) for a in vector], (len(vector), self.degree), QQ)

    def traced_outer(self, left, right, weight):
        """``sum over all roots of left(theta) right(theta)^T weight(theta)``, a rational matrix.

        *left* and *right* are vectors over ``L`` and *weight* an element of
        ``L``.  With ``h_k = Tr(theta^k weight)`` and the Hankel matrix
        ``H[s, t] = h_(s+t)`` the sum is ``Cl H Cr^T`` (``Cl``, ``Cr`` the
        coefficient matrices): exact, and no radical is ever formed.
        """
        d, sums = self.degree, self.power_sums
        w = self.coefficients(weight)
        h = [sum((w[l] * sums[k + l] for l in range(d)), QQ.zero) for k in range(2 * d - 1)]
        hankel = DomainMatrix([[h[s + t] for t in range(d)] for s in range(d)], (d, d), QQ)
        return self.coefficient_matrix(left) * hankel * self.coefficient_matrix(right).transpose()

    def refined_interval(self, root, width):
        """An isolating interval of root number *root*, no wider than *width*."""
        a, b = self.intervals[root]
        if b - a > width:
            a, b = self.factor.refine_root(a, b, eps=width)
            self.intervals[root] = (a, b)
        return a, b

    def sign_at(self, a, root):
        """The sign (-1, 0 or 1) of the element *a* at root number *root*, proved exactly.

        ``a(theta)`` is zero at one root only if it is zero in ``L`` (``p`` is
        irreducible), so for a non-zero element the isolating interval is refined
        until ``a`` has no root in it; then its sign at an end point is the answer.
        """
        if not a:
            return 0
        if self.degree == 1:
            return 1 if a > 0 else -1
        poly = self.as_poly(a)
        lo, hi = self.intervals[root]
        while poly.count_roots(lo, hi):
            lo, hi = self.refined_interval(root, (hi - lo) / 16)
        value = poly.eval(lo)
        return 1 if value > 0 else -1

    @cached_property
    def _quadratic(self):
        """``(-b/2, D)`` with ``theta = -b/2 +- sqrt(D)/2`` when ``d == 2``."""
        _, b, c = (QQ.to_sympy(k) for k in self.factor.rep.to_list())
        return -b / 2, b * b - 4 * c

    def root_expr(self, root):
        """The root ``theta_root`` as a SymPy number (radical for ``d <= 2``)."""
        return self.expr(self.theta, root)

    def expr(self, a, root):
        """The element *a* evaluated at root number *root*, as a SymPy number.

        Rational for ``d == 1``; ``r + q*sqrt(D)`` for ``d == 2``; a polynomial
        in ``CRootOf(p, root)`` otherwise.
        """
        coeffs = [QQ.to_sympy(c) for c in self.coefficients(a)]
        if self.degree == 1:
            return coeffs[0]
        if self.degree == 2:
            r, q = self.quadratic_parts(a)
            return r + (q if root else -q) * sqrt(self._quadratic[1])
        theta = CRootOf(self.factor, root)
        return sum((c * theta**k for k, c in enumerate(coeffs) if c), Rational(0))

    def quadratic_parts(self, a):
        """``(r, q)`` with ``a(theta) = r +- q sqrt(D)`` (only for ``d == 2``)."""
        a0, a1 = (QQ.to_sympy(c) for c in self.coefficients(a))
        return a0 + a1 * self._quadratic[0], a1 / 2

    @cached_property
    def sqrt_theta(self):
        """An element ``sigma`` of ``L`` with ``sigma^2 = theta``, or ``None``.

        It exists exactly when ``p(y^2)`` has a factor ``q`` of degree ``d``;
        writing ``q(y) = E(y^2) + y O(y^2)`` gives ``sigma = -E(theta)/O(theta)``.
        """
        y = self.factor.gen
        lifted = self.factor.compose(Poly(y**2, y, domain=QQ))
        for q, _ in lifted.factor_list()[1]:
            if q.degree() == self.degree:
                coeffs = q.rep.to_list()[::-1]
                even = self._evaluate(coeffs[0::2])
                odd = self._evaluate(coeffs[1::2])
                sigma = -even / odd
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
        """``(expression, element)`` for ``s = sqrt(theta_root)``.

        *element* is ``s`` as an element of ``L`` when the square root lies in
        ``L`` (then ``U`` can be written without an extra radical), else ``None``.
        """
        sigma = self.sqrt_theta
        if sigma is None:
            return self.sqrt_expr(self.theta, root), None
        if self.sign_at(sigma, root) < 0:
            sigma = -sigma
        if self.degree <= 2:
            return self.expr(sigma, root), sigma
        return sqrt(self.root_expr(root)), sigma

    def sqrt_expr(self, a, root):
        """``sqrt(a(theta_root))`` for an element positive at that root, simplified.

        Square roots of rationals are simplified by SymPy; for ``d == 2`` the
        square root of ``r + q sqrt(D)`` is denested when ``r^2 - q^2 D`` is the
        square of a rational ``c``: it is ``sqrt((r+c)/2) +- sqrt((r-c)/2)``.
        """
        if self.degree != 2:
            return sqrt(self.expr(a, root))
        r, q = self.quadratic_parts(a)
        if root == 0:
            q = -q
        disc = self._quadratic[1]
        if q:
            c = sqrt(r * r - q * q * disc)
            if c.is_Rational:
                sign = 1 if q > 0 else -1
                return sqrt((r + c) / 2) + sign * sqrt((r - c) / 2)
        return sqrt(r + q * sqrt(disc))
