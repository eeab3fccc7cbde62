"""Figures and tables about a project, for the window and for papers (matplotlib, no Qt)."""
