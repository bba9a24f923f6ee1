"""Dock panels and dialogs. No computation here: they run Processing algorithms."""
