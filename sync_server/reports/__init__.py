"""Coordinator reports: queries over the pseudonymous report facts, suppression, charts, exports."""
