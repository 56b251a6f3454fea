"""Record IDs: whole numbers from 1 to SQLite's largest INTEGER.

A larger number cannot even be asked of SQLite (Python raises OverflowError), so it is refused here,
as the user's error, before any query.
"""

from twindesk.store.errors import UserError

MAX_ID = 2**63 - 1

OUT_OF_RANGE = "ID {value} is out of range (IDs run from 1 to {max})."


class IdOutOfRange(UserError):
    def __init__(self, value):
        self.value = value
        super().__init__(OUT_OF_RANGE, value=value, max=MAX_ID)


def in_range(value: int) -> bool:
    return 1 <= value <= MAX_ID


def checked_id(value: int) -> int:
    """`value` if it can be a record's ID; else IdOutOfRange."""
    if not in_range(value):
        raise IdOutOfRange(value)
    return value
