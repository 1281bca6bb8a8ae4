"""Desktop revisions, one file each, numbered 0001, 0002, … in the order they apply."""
