"""The exact certificate behind ``verify()``: it accepts the decompositions and rejects wrong data; the traced products of the unitary proof."""

import dataclasses
import random

import pytest
from sympy import Matrix
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

import exactsvd
from exactsvd.core import decompose
from exactsvd.result.certificate import certify
from exactsvd.result.traces import tracer_class


def _generic(n, seed):
    rng = random.Random(seed)
    return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]


def _decomposition(rows):
    return decompose(DomainMatrix.from_Matrix(Matrix(rows)).convert_to(QQ))


def _spaces(decomposition):
    return list(dict.fromkeys(pair.space for pair in decomposition.pairs))


@pytest.mark.parametrize("rows", [_generic(4, 1), _generic(5, 2), [[1, 1, 0], [0, 1, 1], [0, 0, 1]], [[1, 1], [1, 0], [2, 3]]])
def test_integer_traces_are_the_trace_form(rows):
    """The integer Hankel products (one inverse, shifted weights, shared halves) equal the trace form over QQ."""
    decomposition = _decomposition(rows)
    fields = 0
    for space in _spaces(decomposition):
        field = space.field
        if field.degree == 1:
            continue
        fields += 1
        for w, bw, norm in zip(space.gram_vectors, space.partner_vectors, space.norms):
            traces = tracer_class(QQ)(field, norm)
            inverse = field.domain.one / norm
            assert traces.block(w, w, traces.inverse_norm) == field.traced_outer(w, w, inverse)
            assert traces.block(bw, w, traces.inverse_norm) == field.traced_outer(bw, w, inverse)  # shares H w^T
            assert traces.block(w, bw, traces.inverse_norm) == field.traced_outer(w, bw, inverse)  # (H w^T)^T bw^T
            assert traces.block(bw, bw, traces.inverse_partner_norm) == field.traced_outer(bw, bw, inverse / field.theta)
    assert fields, "the case has no factor of degree above 1"


def _with_space(decomposition, space, **changes):
    wrong = dataclasses.replace(space, **changes)
    pairs = tuple(dataclasses.replace(p, space=wrong) if p.space is space else p for p in decomposition.pairs)
    return dataclasses.replace(decomposition, pairs=pairs)


def _with_kernel(decomposition, side, vectors, norms):
    kernel = getattr(decomposition, side)
    return dataclasses.replace(decomposition, **{side: dataclasses.replace(kernel, vectors=tuple(vectors), norms=tuple(norms))})


def _irrational_space(decomposition):
    return next(s for s in _spaces(decomposition) if s.field.degree > 1)


@pytest.mark.parametrize("form", ["full", "thin"])
def test_certificate_rejects_wrong_norms_and_partner_vectors(form):
    decomposition = _decomposition(_generic(5, 2))
    assert certify(decomposition, form) is True
    space = _irrational_space(decomposition)
    doubled = _with_space(decomposition, space, norms=tuple(n * 2 for n in space.norms))
    with pytest.raises(exactsvd.VerificationError, match="not orthogonal with the norms used"):
        certify(doubled, form)
    scaled = _with_space(decomposition, space, partner_vectors=tuple(tuple(2 * b for b in v) for v in space.partner_vectors))
    with pytest.raises(exactsvd.VerificationError, match="a partner vector is not B w"):
        certify(scaled, form)


def test_certificate_rejects_a_vector_that_is_not_an_eigenvector():
    decomposition = _decomposition(_generic(4, 1))
    space = _irrational_space(decomposition)
    w = list(space.gram_vectors[0])
    w[0] += 1
    partner = [sum((a * b for a, b in zip(row, w)), space.field.domain.zero) for row in decomposition.matrix.to_list()]
    wrong = _with_space(decomposition, space, gram_vectors=(tuple(w),), partner_vectors=(tuple(partner),), norms=(sum((a * a for a in w), space.field.domain.zero),))
    with pytest.raises(exactsvd.VerificationError, match="fails G w = theta w"):
        certify(wrong)


def test_certificate_rejects_a_missing_eigenspace():
    """Dropping every pair of one factor leaves U, V short of columns: only the trace of G can tell (thin and compact)."""
    decomposition = _decomposition(_generic(5, 2))
    space = _irrational_space(decomposition)
    fewer = dataclasses.replace(decomposition, pairs=tuple(p for p in decomposition.pairs if p.space is not space))
    for form in ("compact", "thin", "full"):
        with pytest.raises(exactsvd.VerificationError, match="do not add up to trace"):
            certify(fewer, form)


@pytest.mark.parametrize("side", ["right_kernel", "left_kernel"])
def test_certificate_rejects_wrong_and_missing_kernel_columns(side):
    """A 3×4 of rank 2: each kernel has one column in the full form; a non-kernel vector or none is refused."""
    decomposition = _decomposition([[1, 2, 3, 4], [2, 4, 6, 8], [1, 0, 1, 0]])
    assert certify(decomposition) is True and certify(decomposition, "thin") is True
    kernel = getattr(decomposition, side)
    size = len(kernel.vectors[0])
    unit = [QQ(int(i == 0)) for i in range(size)]
    factor = "V" if side == "right_kernel" else "U"
    replaced = _with_kernel(decomposition, side, [unit] + list(kernel.vectors[1:]), [QQ(1)] + list(kernel.norms[1:]))
    with pytest.raises(exactsvd.VerificationError, match=f"a kernel column of {factor} is not in the kernel"):
        certify(replaced)
    missing = _with_kernel(decomposition, side, kernel.vectors[1:], kernel.norms[1:])
    with pytest.raises(exactsvd.VerificationError, match=f"{factor} lacks 1 of its kernel columns"):
        certify(missing)
    assert certify(missing, "compact") is True  # the compact form keeps no kernel column


def test_certificate_works_over_an_algebraic_field():
    r = exactsvd.svd([["sqrt(2)", 1, 0], [1, "sqrt(2)", 1]])
    assert r.verify() is True
    assert exactsvd.svd([["sqrt(2)", 1, 0], [1, "sqrt(2)", 1]], form="thin").verify() is True
