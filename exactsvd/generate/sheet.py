r"""Exercise sheets: the problems as one LaTeX document, the answers as another.

A renderer: it formats the matrices and the SVD results it is handed and
computes nothing.  The answer key shows the singular values and ``U``,
``\Sigma``, ``V`` of each result, or, when worked solutions are given (LaTeX
fragments such as ``exactsvd.explain(A).to_latex()``), those instead.
"""

from sympy import latex

from ..explain.latex import FIT, preamble
from ..explain.tex import latex_text

INSTRUCTION = r"Find a singular value decomposition $A = U \Sigma V^{T}$ of each matrix $A$."


def exercise_sheet(results, *, title="Singular value decomposition", solutions=None, paper="a4"):
    r"""The exercise sheet and its answer key, two LaTeX documents.

    Parameters
    ----------
    results : list of SVDResult
        One exact SVD per exercise (its ``matrix`` is the exercise).
    title : str
        The title of both documents, plain text: it is escaped
        (:func:`exactsvd.explain.tex.latex_text`), so ``\input{...}`` is printed, not run.
    solutions : list of str, optional
        Worked solutions, one LaTeX fragment per result (using ``amsmath``
        and ``graphicx``; ``\subsection*`` for its steps, each exercise being
        a ``\section*``); without them the
        key holds the answers alone.
    paper : {"a4", "letter"}
        The paper size of both documents.

    Returns
    -------
    (str, str)
        The sheet and the key.

    Examples
    --------
    >>> import exactsvd
    >>> sheet, key = exercise_sheet([exactsvd.svd([[3, 4]])])
    >>> print(sheet[sheet.index(r"\begin{center}"):])
    \begin{center}\Large Singular value decomposition\end{center}
    Find a singular value decomposition $A = U \Sigma V^{T}$ of each matrix $A$.
    \begin{enumerate}
    \item $A = \left[\begin{matrix}3 & 4\end{matrix}\right]$ ($1 \times 2$)
    \end{enumerate}
    \end{document}
    <BLANKLINE>
    >>> print(key[key.index(r"\section*"):].splitlines()[1])
    Singular values $\sigma_{1} = 5$; rank 1.
    """
    items = [rf"\item $A = {latex(r.matrix)}$ (${r.matrix.rows} \times {r.matrix.cols}$)" for r in results]
    sheet = "\n".join([_title(title), INSTRUCTION, r"\begin{enumerate}", *items, r"\end{enumerate}"])
    answers = solutions if solutions is not None else [_answer(r) for r in results]
    key = "\n".join([_title(f"{title}: answers")] + [
        rf"\section*{{Exercise {i}}}" + "\n" + answer for i, answer in enumerate(answers, 1)])
    return _document(sheet, paper), _document(key, paper)


def _answer(result):
    values = ", ".join(rf"\sigma_{{{i}}} = {latex(s)}" for i, s in enumerate(result.singular_values, 1))
    U, S, V = (latex(factor) for factor in result)
    listed = f"Singular values ${values}$" if values else "No singular values"
    return f"{listed}; rank {result.rank}.\n" + FIT % rf"U = {U},\quad \Sigma = {S},\quad V = {V}"


def _title(title):
    return rf"\begin{{center}}\Large {latex_text(title)}\end{{center}}"


def _document(body, paper):
    return f"{preamble(paper)}{body}\n\\end{{document}}\n"
