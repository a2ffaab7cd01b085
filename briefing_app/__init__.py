"""Briefing Reader: an offline reader for defence and foreign-affairs news."""

__version__ = "0.1.0"
