"""Tables, the database connection, migrations and backups."""
