"""Django's PostgreSQL backend, checking a kept connection's health without a query.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before the first query of every request
that reuses a connection: on our pages that is one round trip for the check and one for
the page's own query, and the check costs the worker and the server as much as the query.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        """Whether the connection can take a query, asked of its socket alone.

        Between requests an idle connection has nothing to read. If its socket is
        readable or closed, the server has ended the session (a restart, a failover, an
        idle timeout, pg_terminate_backend()) or said something unasked; either way a
        fresh connection is the safe answer, and Django opens one.
        """
        conn = self.connection
        if conn is None or conn.closed or conn.broken:
            return False
        if conn.info.transaction_status != TransactionStatus.IDLE:
            return super().is_usable()
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)
        return not poller.poll(0)
