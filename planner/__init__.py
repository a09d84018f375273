"""Somekalenteri: a content calendar and publishing planner for Finnish municipal communications."""

__version__ = "0.1.0"
