"""The record model and its rules: record specs, fields, validation, vocabulary, labels and messages."""
