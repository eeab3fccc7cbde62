"""One module per command of the command line; each adds its parser and says what it runs."""
