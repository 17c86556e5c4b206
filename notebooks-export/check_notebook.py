"""Executes a forecast notebook headless and fails when a cell errors or a figure is missing.

Usage: python check_notebook.py NOTEBOOK [MIN_FIGURES]
"""
import sys

import nbformat
from nbclient import NotebookClient

path = sys.argv[1]
minimum = int(sys.argv[2]) if len(sys.argv) > 2 else 5
notebook = nbformat.read(path, as_version=4)
NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
figures = sum(
    1
    for cell in notebook.cells
    if cell.cell_type == "code"
    for output in cell.get("outputs", [])
    if "image/png" in output.get("data", {})
)
if figures < minimum:
    sys.exit(f"{path}: {figures} figures, expected at least {minimum}")
print(f"{path}: executed, {figures} figures")
