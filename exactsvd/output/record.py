"""An SVD as a JSON record: ``SVDResult.to_dict()``, ``to_json()`` and ``exactsvd svd --json``.

The format is documented in ``docs/json-schema.md`` (and, as a JSON Schema, in
``docs/svd-result.schema.json``): exact entries as strings that
:func:`exactsvd.input.parse_entry` reads back (SymPy's notation:
``sqrt(2)/2``, ``CRootOf(x**3 - 5*x**2 + 6*x - 1, 2)``, terms in SymPy's
internal order, :func:`~exactsvd.output.notation.sympy_text`) and the same entries as certified
decimals.  ``exactsvd check MATRIX --answer FILE`` accepts a record as the answer.
"""

import json

from sympy import Float, I

from .notation import sympy_text

#: The value of ``"format"`` in every record.
FORMAT = "exactsvd.svd"
#: The version of the format; readers accept records of this version or older.
VERSION = 1
#: Significant digits of the decimals of an exact result.
DIGITS = 30


def to_dict(result, *, verified=None, digits=DIGITS):
    """The record of an :class:`~exactsvd.SVDResult` as a dictionary of JSON values.

    Parameters
    ----------
    result : SVDResult
        Exact or numeric.
    verified : bool or None
        Whether ``result.verify()`` proved it; ``None``: not attempted.
    digits : int
        Significant digits of ``"decimals"`` (at most ``result.digits`` for a
        numeric result).

    Examples
    --------
    >>> import exactsvd
    >>> record = to_dict(exactsvd.svd([[3, 4]]), verified=True, digits=5)
    >>> record["singular_values"], record["V"], record["decimals"]["V"]
    (['5'], [['3/5', '4/5'], ['4/5', '-3/5']], [['0.60000', '0.80000'], ['0.80000', '-0.60000']])
    >>> sorted(record)
    ['S', 'U', 'V', 'decimals', 'form', 'format', 'matrix', 'method', 'rank', 'shape', 'singular_values', 'verified', 'version']
    """
    m, n = result.matrix.shape
    record = {
        "format": FORMAT,
        "version": VERSION,
        "method": result.method,
        "shape": [m, n],
        "form": result.form,
        "rank": result.rank,
        "matrix": _strings(result.matrix),
    }
    if result.method == "numeric":
        digits = min(digits, result.digits)
        bound = result.error_bound
        record["digits"] = result.digits
        record["error_bound"] = {name: repr(float(getattr(bound, name))) for name in bound.__dataclass_fields__}
    decimals = result.evalf(digits)
    exact = result if result.method == "exact" else decimals
    record["singular_values"] = [sympy_text(s) for s in exact.singular_values]
    record.update(zip("USV", map(_strings, exact)))
    record["decimals"] = {
        "digits": digits,
        "singular_values": [_decimal(s, digits) for s in decimals.singular_values],
        **{name: _strings(factor, lambda x: _decimal(x, digits)) for name, factor in zip("USV", decimals)},
    }
    record["verified"] = verified
    return record


def to_json(result, *, verified=None, digits=DIGITS, indent=None):
    """The record of :func:`to_dict` as JSON text (*indent* as for :func:`json.dumps`)."""
    return json.dumps(to_dict(result, verified=verified, digits=digits), indent=indent, ensure_ascii=False)


def _strings(matrix, text=sympy_text):
    return [[text(entry) for entry in row] for row in matrix.tolist()]


def _decimal(x, digits):
    """A certified ``Float`` (or an exact 0) as a decimal string with *digits* significant digits.

    A complex entry ``a + b*I`` of a unitary SVD has each part certified; it is
    written ``"a + b*I"`` (``"b*I"`` when ``a`` is 0), which MATRIX syntax reads.

    >>> _decimal(Float("0.5", 5) - Float("0.25", 5) * I, 5)
    '0.50000 - 0.25000*I'
    """
    if not x:
        return "0"
    real, imaginary = x.as_real_imag()
    if not imaginary:
        return str(Float(real, digits))
    shown = f"{Float(abs(imaginary), digits)}*I"
    if not real:
        return shown if imaginary > 0 else f"-{shown}"
    return f"{Float(real, digits)} {'+' if imaginary > 0 else '-'} {shown}"
