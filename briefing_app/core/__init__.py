"""The core of Briefing Reader: import, extraction, library, index, search, briefings. No Qt here."""
