"""Coordinator reports: queries over the pseudonymous report facts, the cell key method, charts,
exports."""
