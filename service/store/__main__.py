"""``python -m service.store upgrade|current|purge [--url URL]``: migrate the
report store, or purge reports older than ``$SOURCECHECK_RETENTION_DAYS``
(``--days N`` overrides; run it daily, e.g. from cron or the compose file).

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
    parser.add_argument("command", choices=("upgrade", "current", "purge"))
    parser.add_argument("--url", help="SQLAlchemy database URL")
    parser.add_argument("--days", type=int, help="purge: keep this many days (default $SOURCECHECK_RETENTION_DAYS)")
    args = parser.parse_args(argv)
    try:
        config = Config.from_env()
        url = args.url or url_from_config(config.flask_config())
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    days = args.days if args.days is not None else config.retention_days
    if args.command == "purge" and (days is None or days < 1):
        print("error: purge needs --days N or SOURCECHECK_RETENTION_DAYS (at least 1)", file=sys.stderr)
        return 2
    try:
        store = Store(url, migrate_on_open=args.command == "purge")
        if args.command == "upgrade":
            store.upgrade()
        if args.command == "purge":
            print(f"purged {store.purge(days)} report(s) kept more than {days} day(s)")
        else:
            print(migrate.current(store.engine) or "(empty)")
        store.close()
    except (SQLAlchemyError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
