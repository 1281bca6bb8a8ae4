"""Domain, storage and services of KIM Desktop. Never imports Qt."""
