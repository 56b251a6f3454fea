"""What the values in a list staff typed mean (docs/architecture.md, "Understanding staff lists")."""
