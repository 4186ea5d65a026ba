"""Markdown of a worked solution: ``$`` and ``$$`` math, as Jupyter and code hosting sites render it.

The words and the math are the LaTeX renderer's blocks (:func:`.latex.step_blocks`);
only the layout differs.
"""

from .latex import Printer, document_title, factor_codes, step_blocks


def to_markdown(solution):
    """The worked solution as Markdown.

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> text = to_markdown(explain([[3, 4]]))
    >>> text.splitlines()[2]
    '## Step 1. The matrix and the choice of Gram matrix'
    >>> "$$\\nA = " in text
    True
    """
    parts = [f"# {document_title(solution)}"]
    for number, (title, blocks) in enumerate(step_blocks(solution), 1):
        parts.append(f"## Step {number}. {title}")
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
