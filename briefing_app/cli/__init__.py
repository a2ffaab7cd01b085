"""The command line: one parser that knows every command, and one module per command (or family).

`parser` defines every command and option; `dispatch.main` parses, configures the log and hands
the command to `commands`, which opens the library through the one door (`Workspace`) and runs
the command's module. Data flows one way: dispatch → commands → a command's module → the core.
"""

from briefing_app.cli.dispatch import main

__all__ = ["main"]
