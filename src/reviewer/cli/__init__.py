"""Headless commands for scripts, IT and tests."""
