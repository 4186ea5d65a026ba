"""Faces that write results: the terminal text of ``exactsvd svd``, JSON records, notation that reads back."""
