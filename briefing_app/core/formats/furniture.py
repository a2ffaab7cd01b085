"""Page furniture left in a saved article's text: a site's navigation at its very start or end.

A page copied or saved as text keeps lines such as "Advertisement", "Share this" or
"More In Home" around the story. They are dropped when the article is read, before anything
is stored or extracted, so every offset is into the text as kept. Only whole lines at the
start or end go, only short ones with no sentence punctuation, and only ones that match a
known navigation phrase: a line of the story never does.
"""

from __future__ import annotations

import re

# A line longer than this is text, whatever it says.
_MAX_CHARS = 40
_NAVIGATION = re.compile(
    r"""(?ix)
    (?:
        more \s (?:in|from|on|about) \s [\w&'’ -]{1,25}      # More In Home, More from World
      | more \s (?:stories|news|articles|videos)
      | read \s more | continue \s reading | read \s the \s full \s (?:story|article)
      | (?:related|recommended|popular|trending) (?: \s (?:articles?|stories|news|content|
            coverage|topics|posts|links|reading|videos))?
      | you \s (?:may|might) \s also \s (?:like|be \s interested \s in)
      | most \s (?:read|popular|viewed|shared)
      | advertisement | sponsored (?: \s content)? | promoted (?: \s stories)?
      | share (?: \s this (?: \s (?:article|story|page|post))? | \s on \s \w+)?
      | (?:(?:facebook|twitter|x|linkedin|whatsapp|reddit|email|e-mail|print|tweet|pin)
            [ \t·|,/]*){1,8}                               # a row of share buttons
      | skip \s to \s (?:main \s )?content | back \s to \s top | top \s of \s page
      | (?:sign \s up|subscribe) (?: \s (?:now|today|to \s our \s newsletter))? | newsletter
      | log \s ?in | sign \s in | menu | home | search
      | (?:leave \s a \s )?(?:comment|comments|reply) | show \s comments
      | watch \s (?:video|now) | listen \s to \s (?:this \s )?article
    )
    [\s:»›>…]*
    """
)
# Breadcrumbs at the top: "Home » World » Europe", "News > Defence".
_BREADCRUMBS = re.compile(r"\w[\w &'’-]*(?:\s*[»›>|]\s*\w[\w &'’-]*)+\s*")


def is_furniture(line: str, *, at_start: bool = False) -> bool:
    """Whether `line` is a site's navigation rather than text of the article."""
    text = line.strip()
    if not text or len(text) > _MAX_CHARS or text[-1] in '.!?,;"”':
        return False
    if _NAVIGATION.fullmatch(text):
        return True
    return at_start and bool(_BREADCRUMBS.fullmatch(text))


def drop_furniture(body: str) -> str:
    """`body` without navigation lines at its very start and end (blank lines between them too)."""
    lines = body.split("\n")
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or is_furniture(lines[start], at_start=True)):
        start += 1
    while end > start and (not lines[end - 1].strip() or is_furniture(lines[end - 1])):
        end -= 1
    if start == 0 and end == len(lines):
        return body
    return "\n".join(lines[start:end])
