int f(int x) {
  switch (x) { // NOLINT(contract-*, bugprone-*)
  }
  // NOLINTNEXTLINE
  // NOLINTBEGIN(contract-switch-coverage)
  // NOLINTEND(contract-switch-coverage)
  // NOLINTEND
  return 0; // NOLINT(
}
