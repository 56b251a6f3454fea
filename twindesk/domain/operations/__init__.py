"""The one door for every change: each write is an operation (docs/architecture.md, "The one door")."""
