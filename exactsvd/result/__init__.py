"""Results: ``SVDResult``, the forms, the exact certificate, SymPy conversion."""

from .exact import exact_result, singular_value_list
from .forms import FORMS, check_form, kernel_counts
from .numeric import numeric_result
from .svdresult import SVDResult

__all__ = ["FORMS", "SVDResult", "check_form", "exact_result", "kernel_counts", "numeric_result", "singular_value_list"]
