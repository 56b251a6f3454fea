"""Record forms, built from the domain's specs, and their sub-record panels and field editors."""
