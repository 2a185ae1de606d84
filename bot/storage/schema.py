"""Import every storage module so that its tables are registered with :mod:`bot.storage.db`.

Add a line here when a new storage module is created.
"""

from bot.storage import broadcasts, outcomes, reports, subscribers  # noqa: F401
