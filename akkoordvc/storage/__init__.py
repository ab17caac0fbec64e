"""Storage: files written atomically and the git repository that holds the agreement."""
