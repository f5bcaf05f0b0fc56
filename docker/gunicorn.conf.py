"""Gunicorn settings for Sourcecheck (the Dockerfile's CMD and `make serve`).

    gunicorn -c docker/gunicorn.conf.py --bind 0.0.0.0:8000 "service.app:create_app()"

Settings come from ``service.config.Config`` (the one place that reads the
environment: SOURCECHECK_WORKERS, SOURCECHECK_TIMEOUT, ...); command-line
flags override this file.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from service.config import Config, ConfigError  # noqa: E402

try:
    _config = Config.from_env()
except ConfigError as e:  # a clear line, not a traceback, then exit 2
    sys.exit(f"sourcecheck: {e}")

bind = "127.0.0.1:8000"  # the Dockerfile and `make serve` pass --bind
# Auditing is CPU-bound: one worker process per CPU. Threaded workers, so a slow or idle
# client holds a thread, not the whole worker; serve behind a buffering proxy
# (docker/nginx.conf) so slow clients never reach gunicorn at all.
workers = _config.worker_count()
worker_class = "gthread"
threads = 4
# Build the app (and load lexicons, the sentence splitter) once in the master;
# workers fork with it already in memory.
preload_app = True
# A worker whose main loop is silent this long is aborted and replaced; requests themselves
# are bounded by the engine's deadline (SOURCECHECK_DEADLINE, timeout - 5 s): a 503 problem, not a kill.
# One engine stage may still run long, and a threaded worker's heartbeat never stops for it:
# the hooks below give each request at most `timeout` seconds, then answer every request the
# worker holds with a 503 problem (also when gunicorn itself aborts the worker) and replace it.
timeout = _config.timeout
graceful_timeout = 20
keepalive = 5  # seconds an idle keep-alive connection is kept (nginx keeps a pool of them)
# Recycle workers now and then (bounded memory growth), staggered by the jitter.
max_requests = _config.max_requests
max_requests_jitter = max(1, _config.max_requests // 10)
# Request-line and header limits (the body limit is SOURCECHECK_MAX_BYTES, in the app).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
backlog = 256
# Heartbeat files in memory, not on a container's overlay filesystem.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The app writes its own JSON request log (service.requestlog); gunicorn only reports its own events.
accesslog = None
errorlog = "-"
loglevel = _config.log_level.lower()
proc_name = "sourcecheck"
forwarded_allow_ips = "127.0.0.1"
# No gunicornc control socket: it would live in $HOME (none for the container's
# user) and collide between two servers on one machine (tests, benchmarks).
control_socket_disable = True



def post_worker_init(worker):
    """Track the requests in flight and give each at most the worker timeout."""
    from service.timeouts import InFlight, watch

    worker.wsgi = worker.sourcecheck_in_flight = InFlight(worker.wsgi)
    watch(worker.sourcecheck_in_flight, worker.cfg.timeout,
          lambda: _answer_and_exit(worker, "a request ran past the timeout"))


def worker_abort(worker):
    """Gunicorn's timeout (SIGABRT): answer each request in flight with a 503
    problem+json and Retry-After instead of dropping its connection."""
    _answer_and_exit(worker, "worker timeout")


def _answer_and_exit(worker, why):
    """Answer every request in flight with the 503 problem, then end the process
    at once: its audit threads cannot be stopped and would otherwise run on,
    keeping the arbiter from starting a fresh worker."""
    from service.timeouts import answer_aborted

    answered = answer_aborted(getattr(worker, "sourcecheck_in_flight", None))
    worker.log.critical("%s: answered %d request(s) in flight with 503; worker exits", why, answered)
    sys.stderr.flush()
    os._exit(1)
