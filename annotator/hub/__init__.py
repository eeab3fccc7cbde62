"""What syncing with a team hub needs that is neither SQL nor an operation: the hub's URLs."""
