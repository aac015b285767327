"""Text utilities shared by every stage: offsets that follow edits, word frequencies, patterns, web addresses."""
