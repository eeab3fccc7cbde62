"""The window's translations: ``annotator_<language>.ts`` (the sources, edited with Qt Linguist
or by hand) and ``annotator_<language>.qm`` (compiled, shipped in the package)."""
