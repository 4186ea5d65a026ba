"""Lines of text within a width: matrices in column blocks, wrapped prose and formulas."""

import shutil
import textwrap

#: Characters around the cells of a matrix line: ``[[`` or `` [`` before, ``],`` or ``]]`` after.
_FRAME = 4
_SEPARATOR = ", "


def matrix_lines(cells, width=None):
    """A matrix of cell strings as aligned lines, ``[[a, b],`` / `` [c, d]]``, which read back as matrix text.

    When the lines would be wider than *width*, the columns are shown in
    blocks (``columns 1–4:``) that fit; a cell that does not fit on its own is
    shortened with ``...``.  ``width=None``: one block, no limit.

    Examples
    --------
    >>> print("\\n".join(matrix_lines([["1", "-1/2"], ["√2", "0"]])))
    [[ 1, -1/2],
     [√2,    0]]
    >>> print("\\n".join(matrix_lines([["100", "200", "300"]], width=12)))
    columns 1–2:
    [[100, 200]]
    column 3:
    [[300]]
    """
    if not cells:
        return ["[]"]
    if not cells[0]:
        return ["[" + _SEPARATOR.join("[]" for _ in cells) + "]"]
    if width is not None:
        limit = max(width - _FRAME, 8)
        cells = [[cell if len(cell) <= limit else cell[: limit - 3] + "..." for cell in row] for row in cells]
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    blocks = _blocks(widths, width)
    lines = []
    for start, stop in blocks:
        if len(blocks) > 1:
            lines.append(f"column {start + 1}:" if stop == start + 1 else f"columns {start + 1}–{stop}:")
        for i, row in enumerate(cells):
            body = _SEPARATOR.join(cell.rjust(w) for cell, w in zip(row[start:stop], widths[start:stop]))
            lines.append(("[[" if i == 0 else " [") + body + ("]]" if i == len(cells) - 1 else "],"))
    return lines


def matrix_width(cells):
    """The width of the one-block lines of :func:`matrix_lines`."""
    if not cells or not cells[0]:
        return len(matrix_lines(cells)[0])
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    return sum(widths) + len(_SEPARATOR) * (len(widths) - 1) + _FRAME


def _blocks(widths, width):
    """``(start, stop)`` column ranges whose lines fit in *width*."""
    if width is None:
        return [(0, len(widths))]
    blocks, start, used = [], 0, _FRAME
    for j, w in enumerate(widths):
        extra = w + (len(_SEPARATOR) if j > start else 0)
        if j > start and used + extra > width:
            blocks.append((start, j))
            start, used, extra = j, _FRAME, w
        used += extra
    return blocks + [(start, len(widths))]


def wrapped(text, width=None, indent="", continuation=None):
    """*text* on lines of at most *width* characters, broken at spaces (``None``: one line).

    >>> wrapped("p(x) = x^3 - 5x^2 + 6x - 1", 16, "  ", "      ")
    ['  p(x) = x^3 -', '      5x^2 + 6x', '      - 1']
    """
    if width is None:
        return [indent + text]
    continuation = indent if continuation is None else continuation
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=continuation,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [indent]


def terminal_width():
    """The width of the terminal: ``COLUMNS`` if set, else the terminal's, else 80."""
    return shutil.get_terminal_size((80, 24)).columns
