"""gunicorn settings for production and `make bench`: `gunicorn -c outsourcing/gunicorn.conf.py`."""

import os

wsgi_app = "outsourcing.wsgi"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# One worker per core; a second thread lets a worker go on while a request waits on the
# database. More threads only fight over the interpreter's lock: with 4, each request cost
# a worker about a quarter more CPU under load, and PostgreSQL pages lost about as much.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Each worker listens on its own socket and the kernel spreads new connections over them.
# With one shared socket, whichever worker woke first could take every keep-alive
# connection of a burst (seen: 32 to 0) and leave the other core idle.
reuse_port = True
# gunicorn 23+ opens a control socket by default; we do not use it.
control_socket_disable = True
# X-Forwarded-Proto (HTTPS at the proxy) is believed only from our own proxies.
forwarded_allow_ips = os.environ.get("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")
