"""Who represents a place: the records and queries live in :mod:`bot.kb.directory`.

Kept so that importers of ``bot.core.legislators`` (the command line, being restructured in
parallel) keep working; new code imports from ``bot.kb.directory``.
"""

from bot.kb.directory import Directory, Lookup, Member, Town, UnknownPrecinct, natural_key

__all__ = ["Directory", "Lookup", "Member", "Town", "UnknownPrecinct", "natural_key"]
