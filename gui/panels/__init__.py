"""One module per panel; each observes the shared ModelState."""
