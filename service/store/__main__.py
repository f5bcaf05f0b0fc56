"""``python -m service.store upgrade|current [--url URL]``: migrate the report store.

Without ``--url`` the database is ``$DATABASE_URL``, else SQLite at
``$SOURCECHECK_DB_PATH`` (default ``var/sourcecheck.db``), as the app uses.
"""
from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from service.config import Config, ConfigError

from . import migrate
from .store import Store
from .urls import url_from_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.store", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("upgrade", "current"))
    parser.add_argument("--url", help="SQLAlchemy database URL")
    args = parser.parse_args(argv)
    try:
        url = args.url or url_from_config(Config.from_env().flask_config())
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        store = Store(url, migrate_on_open=False)
        if args.command == "upgrade":
            store.upgrade()
        print(migrate.current(store.engine) or "(empty)")
        store.close()
    except (SQLAlchemyError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
