"""Pure domain rules: no session, no I/O, no Qt."""
