"""The team hub's PostgreSQL database: its tables and policies, and what sync reads and writes."""
