r"""User text in LaTeX: the one escaping function every face uses.

Titles, ids, names and any other string a user supplies reach a ``.tex`` file
only through :func:`latex_text`, which makes it plain text: every character
that TeX treats specially (``\ { } $ & # ^ _ % ~``) is written as the
character itself, so no command (``\input``, ``\include``, ``\openin``,
``\read``, ``\catcode``, ``\write18``) and no ``^^`` notation can be formed;
control characters and line breaks become spaces.
"""

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "`": r"\textasciigrave{}",
}


def latex_text(text):
    r"""*text* as LaTeX that typesets exactly these characters, never a command.

    Parameters
    ----------
    text : str
        A title, an id, a name: plain text from a user.

    Returns
    -------
    str
        LaTeX for text mode.

    Examples
    --------
    >>> print(latex_text(r"\input{/etc/hostname} 50% of A_1 ^^5c"))
    \textbackslash{}input\{/etc/hostname\} 50\% of A\_1 \textasciicircum{}\textasciicircum{}5c
    >>> latex_text("two\nlines\x00")
    'two lines '
    """
    return "".join(_SPECIAL.get(c, c if c.isprintable() else " ") for c in str(text))
