"""The three shapes of an SVD: full, thin and compact."""

from ..errors import InvalidArgumentError, shorten

FORMS = ("full", "thin", "compact")
FACTORS = ("U", "S", "V")


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


def kernel_counts(shape, rank, form):
    """``(left, right)``: how many left and right kernel vectors *form* keeps (``None``: all).

    >>> kernel_counts((1000, 66), 66, "thin"), kernel_counts((5, 3), 2, "thin"), kernel_counts((5, 3), 2, "compact")
    ((0, 0), (1, 1), (0, 0))
    """
    if form == "full":
        return None, None
    k = min(shape) - rank if form == "thin" else 0
    return k, k
