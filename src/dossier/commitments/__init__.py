"""Stage 3: what actors committed to, what they said, and whose words are quoted."""
