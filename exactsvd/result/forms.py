"""The three shapes of an SVD: full, thin and compact."""

from ..errors import InvalidArgumentError, shorten

FORMS = ("full", "thin", "compact")


def check_form(form):
    """Return *form* if it names a form, else raise :class:`InvalidArgumentError`.

    >>> check_form("thin")
    'thin'
    """
    if form not in FORMS:
        raise InvalidArgumentError(
            f"form={shorten(form)} is not a form of the SVD; use one of {', '.join(map(repr, FORMS))}"
        )
    return form


def cut(U, S, V, form, rank):
    """Cut full factors ``U`` (m×m), ``S`` (m×n), ``V`` (n×n) down to *form*.

    ``thin`` keeps ``k = min(m, n)`` columns, ``compact`` keeps ``k = rank``.
    """
    if form == "full":
        return U, S, V
    k = min(S.shape) if form == "thin" else rank
    return U[:, :k], S[:k, :k], V[:, :k]
