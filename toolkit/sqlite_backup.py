"""SQLite backups for django-dbbackup that are safe while the site runs in WAL mode.

django-dbbackup's own SQLite connector takes its copy with SQLite's backup API, but restores by
writing the copy over the database file. In WAL mode (portal/settings.py turns it on) changes that
live only in the `-wal` file beside it, such as a flush made just before, are then replayed over the
restored file on the next open: the restore silently brings back the wiped state. Restoring through
the backup API as well writes into the open database, so SQLite itself keeps the log consistent.
"""

import sqlite3
from shutil import copyfileobj
from tempfile import NamedTemporaryFile

from dbbackup.db.sqlite import SqliteBackupConnector


class SqliteOnlineConnector(SqliteBackupConnector):
    def restore_dump(self, dump):
        with NamedTemporaryFile(suffix=".sqlite3") as copy:
            copyfileobj(dump, copy)
            copy.flush()
            self.connection.ensure_connection()
            source = sqlite3.connect(copy.name)
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()
