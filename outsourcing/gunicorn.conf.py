"""gunicorn settings for production and `make bench`: `gunicorn -c outsourcing/gunicorn.conf.py`."""

import os

wsgi_app = "outsourcing.wsgi"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# One worker per core; threads let a worker go on while a request waits on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# gunicorn 23+ opens a control socket by default; we do not use it.
control_socket_disable = True
