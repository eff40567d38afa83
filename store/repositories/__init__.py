"""Repositories: map rows to core dataclasses and back. They flush, they never commit.

One module per group of aggregates, named after the core module that uses it; `base` holds the
mapping they share.
"""
