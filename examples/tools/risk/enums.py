"""Enums the risk dashboard shares with the order router (trading/order.h)."""
from enum import Enum


class Side(str, Enum):
    BUY = "buy"
    SELL = "sell"
    SELL_SHORT = "sell_short"  # added for the short-selling report; the router has no such side

    @property
    def sign(self) -> int:
        return 1 if self is Side.BUY else -1
