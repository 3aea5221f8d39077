"""The metadata graph: units, shared fields and relation declarations, from which every output is generated."""
