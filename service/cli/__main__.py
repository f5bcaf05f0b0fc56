"""``python -m service.cli``."""
from .commands import main

if __name__ == "__main__":
    main()
