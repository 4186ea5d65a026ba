r"""Exercise sheets: the problems as one LaTeX document, the answers as another.

A renderer: it formats the matrices and the SVD results it is handed and
computes nothing, with the house typography (``exactsvd.solutions.typography``).
The compact answer key shows, for each exercise, the singular values, the
rank and ``U``, ``\Sigma``, ``V`` (about five exercises a page); when worked
solutions are given (LaTeX fragments such as
``exactsvd.explain(A).to_latex()``) the key holds those instead.
"""

from ..solutions.latex import FIT, LINE, Printer, factor_codes, preamble
from ..solutions.tex import latex_text

INSTRUCTION = r"Find a singular value decomposition $A = U \Sigma V^{T}$ of each matrix $A$."


def exercise_sheet(results, *, title="Singular value decomposition", solutions=None, paper="a4"):
    r"""The exercise sheet and its answer key, two LaTeX documents.

    Parameters
    ----------
    results : list of SVDResult
        One exact SVD per exercise (its ``matrix`` is the exercise).
    title : str
        The title of both documents, plain text: it is escaped
        (:func:`exactsvd.solutions.tex.latex_text`), so ``\input{...}`` is printed, not run.
    solutions : list of str, optional
        Worked solutions, one LaTeX fragment per result (using ``amsmath``
        and ``graphicx``; ``\subsection*`` for its steps, each exercise being
        a ``\section*``); without them the key is the compact one, the
        answers alone.
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
    >>> print(key[key.index(r"\subsection*"):].splitlines()[1])
    Singular values $\sigma_{1} = 5$; rank 1.
    """
    as_given = Printer(factor=False)
    items = [rf"\item $A = {as_given.doprint(r.matrix)}$ (${r.matrix.rows} \times {r.matrix.cols}$)" for r in results]
    sheet = "\n".join([_title(title), INSTRUCTION, r"\begin{enumerate}", *items, r"\end{enumerate}"])
    if solutions is None:
        answers = [rf"\subsection*{{Exercise {i}}}" + "\n" + _answer(r) for i, r in enumerate(results, 1)]
    else:
        answers = [rf"\section*{{Exercise {i}}}" + "\n" + worked for i, worked in enumerate(solutions, 1)]
    key = "\n".join([_title(f"{title}: answers")] + answers)
    return _document(sheet, paper), _document(key, paper)


def _answer(result):
    """The answer to one exercise: the singular values and the rank, then ``A``, ``U``, ``Sigma``, ``V``.

    The four matrices are set in that order, as many on a line as fit.
    """
    printer, as_given = Printer(), Printer(factor=False)
    values = ", ".join(rf"\sigma_{{{i}}} = {printer.doprint(s)}" for i, s in enumerate(result.singular_values, 1))
    listed = f"Singular values ${values}$" if values else "No singular values"
    U, S, V = factor_codes(result)
    pieces = [
        (f"A = {as_given.doprint(result.matrix)}", as_given.width(result.matrix)),
        (f"U = {U}", printer.width(result.U)),
        (f"\\Sigma = {S}", as_given.width(result.S)),
        (f"V = {V}", printer.width(result.V)),
    ]
    lines, width = [[]], 0
    for code, size in pieces:
        if lines[-1] and width + size + 6 > LINE:
            lines.append([])
            width = 0
        lines[-1].append(code)
        width += size + 6
    displays = (",\\quad ".join(line) for line in lines)
    return f"{listed}; rank {result.rank}.\n\n" + "\n".join(FIT % display for display in displays)


def _title(title):
    return rf"\begin{{center}}\Large {latex_text(title)}\end{{center}}"


def _document(body, paper):
    return f"{preamble(paper)}{body}\n\\end{{document}}\n"
