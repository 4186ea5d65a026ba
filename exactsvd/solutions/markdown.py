"""Markdown of a worked solution: ``$`` and ``$$`` math, as Jupyter and code hosting sites render it.

The words and the math are the LaTeX renderer's blocks (:func:`.latex.headed_blocks`);
only the layout differs.
"""

from .latex import Printer, document_title, factor_codes, headed_blocks


def to_markdown(solution):
    """The worked solution as Markdown.

    Each step is a ``##`` heading, its words paragraphs and its formulas ``$$`` blocks:

    >>> from exactsvd.solutions import explain
    >>> lines = to_markdown(explain([[3, 4]])).splitlines()
    >>> lines[0], lines[2], lines[6], lines[7].startswith("A = ")
    ('# Singular value decomposition of a 1×2 matrix, step by step', '## Step 1. The matrix and the choice of Gram matrix', '$$', True)
    """
    parts = [f"# {document_title(solution)}"]
    for heading, blocks in headed_blocks(solution):
        parts.append(f"## {heading}")
        parts += [content if kind == "text" else f"$$\n{content}\n$$" for kind, content in blocks]
    return "\n\n".join(parts) + "\n"


def svd_result_markdown(result):
    """The SVD ``A = U S V^T`` as Markdown, for ``SVDResult._repr_markdown_``.

    Examples
    --------
    >>> import exactsvd
    >>> print(svd_result_markdown(exactsvd.svd([[3, 4]])).splitlines()[0])
    SVD (exact, full form) of a 1×2 matrix of rank 1; singular values $5$.
    """
    printer = Printer()
    m, n = result.matrix.shape
    values = ", ".join(f"${printer.doprint(s)}$" for s in result.singular_values) or "none"
    U, S, V = factor_codes(result)
    summary = f"SVD ({result.method}, {result.form} form) of a {m}×{n} matrix of rank {result.rank}"
    return f"{summary}; singular values {values}.\n\n$$\nU = {U}, \\quad \\Sigma = {S}, \\quad V = {V}\n$$\n"
