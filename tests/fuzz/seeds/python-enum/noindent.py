class E(Enum):
A = 1
