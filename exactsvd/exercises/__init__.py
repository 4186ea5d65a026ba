"""Exercises with nice SVDs: :func:`generate` makes the matrices, :func:`exercise_sheet` the LaTeX sheets."""

from .build import DIFFICULTIES, generate
from .sheet import exercise_sheet

__all__ = ["DIFFICULTIES", "exercise_sheet", "generate"]
