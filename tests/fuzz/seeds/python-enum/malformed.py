class E(Enum):
    A = "unterminated
