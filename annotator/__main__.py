import sys

from annotator.cli import main

if __name__ == "__main__":  # not when a second process starts from it
    sys.exit(main())
