"""Docstring with class Fake(Enum): X = 1"""
import enum
from enum import Enum, IntEnum, IntFlag, auto


class Color(Enum):
    """Colours."""
    RED = auto()
    GREEN = auto()  # 2
    BLUE = 10
    LATER = auto()

    @property
    def pretty(self):
        return f"{self.name!r:>{10}} {'x' if True else "y"}"

    def _helper(self, x=1):
        Y = 2
        return Y


class State(str, Enum):
    NEW = "new"
    PAID = 'paid'
    LONG = ("long"
            "er")
    _ignore_ = "tmp"
    tmp = 1


class Perm(IntFlag):
    R = auto()
    W = auto()
    X = 1 << 2
    RW = R | W


class Level(IntEnum): LOW = 1; HIGH = 2
