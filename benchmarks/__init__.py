"""Performance benchmarks for the reviewer program, run with `make bench` (or `python -m benchmarks`).

Every benchmark measures the program against a baseline in the same run and reports the ratio, because the machines
that run this are small and noisy. Each repetition uses a fresh temporary data folder; no benchmark ever touches a
user's real data. See docs/benchmarks.md.
"""
