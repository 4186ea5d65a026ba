"""The exact certificate behind ``verify()``: its fast traced products and that it rejects wrong data."""

import dataclasses
import random

import pytest
from sympy import Matrix
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix

import exactsvd
from exactsvd.core import decompose
from exactsvd.result.certificate import certify, tracer_class


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


def test_certificate_rejects_wrong_norms_and_partner_vectors():
    decomposition = _decomposition(_generic(5, 2))
    assert certify(decomposition) is True
    space = next(s for s in _spaces(decomposition) if s.field.degree > 1)
    doubled = _with_space(decomposition, space, norms=tuple(n * 2 for n in space.norms))
    with pytest.raises(exactsvd.VerificationError, match="V V\\^T != I"):
        certify(doubled)
    scaled = _with_space(decomposition, space, partner_vectors=tuple(tuple(2 * b for b in v) for v in space.partner_vectors))
    with pytest.raises(exactsvd.VerificationError, match="U U\\^T != I"):
        certify(scaled)
    with pytest.raises(exactsvd.VerificationError, match="U S V\\^T != A"):
        certify(scaled, "thin")
