"""Documents made from the records: printed plans, exports and reports (no Qt)."""
