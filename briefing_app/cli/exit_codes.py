"""What the command line's exit status says, as the README's "Exit codes" lists it, and why it failed."""

import sys

EXIT_OK = 0
EXIT_ERROR = 1  # failed; a message on stderr says why
EXIT_USAGE = 2  # a usage error: a bad option, query or value
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it (128 + SIGINT)
# What a shell reports for a program killed by SIGPIPE (128 + 13), as for `cat` or `grep`
# writing into `| head`: a script with `set -o pipefail` sees the same as with those tools.
EXIT_BROKEN_PIPE = 141


def fail(message: object, status: int = EXIT_ERROR) -> int:
    """Say on stderr why the command failed, as "briefing: …", and give the status to exit with."""
    print(f"briefing: {message}", file=sys.stderr)
    return status
