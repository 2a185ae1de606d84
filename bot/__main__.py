"""``python -m bot``: see :mod:`bot.cli`."""

import os
import sys

# Opt in to python-telegram-bot's timedelta time periods now, so RetryAfter and friends do not
# raise deprecation warnings at run time (the future default of the library).
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.cli import main

sys.exit(main())
