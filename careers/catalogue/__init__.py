"""The catalogue: categories, roles and what each asks, built from fixtures/catalogue.toml
and O*NET, synced without undoing editors' changes, and its public pages."""
