"""A benchmark's table: printed, and written to ``bench/results/NAME``."""

import os

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")


def publish(lines, name):
    """Print the table *lines* and write them to ``bench/results/name``."""
    report = "\n".join(lines)
    print(report)
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name), "w", encoding="utf-8") as file:
        file.write(report + "\n")
