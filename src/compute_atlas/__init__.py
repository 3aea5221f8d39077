"""Compute Atlas: an open, tested knowledge base of AI compute efficiency."""

__version__ = "0.2.0"
