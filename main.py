#!/usr/bin/env python3
"""Starts Briefing Reader from a checkout: `python main.py` opens the window, `python main.py --help` lists commands."""

import sys

from briefing_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
