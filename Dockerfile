# Sourcecheck REST service. Build: docker build -t sourcecheck .
# Run:  docker run --rm -p 8000:8000 sourcecheck   (settings: SOURCECHECK_* env, see README)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Every runtime dependency is pinned (==) in requirements.txt, transitive ones
# included, so --no-deps installs exactly that set and `pip check` proves it whole.
COPY requirements.txt ./
RUN pip install --no-deps --requirement requirements.txt \
 && pip check

# The code, its word lists, the bundled example and the gunicorn config; nothing
# is downloaded at run time (the sentence splitter is built from shipped data).
COPY service/ service/
COPY schemas/ schemas/
COPY docker/gunicorn.conf.py docker/gunicorn.conf.py
# The CMS kit's browser files, served under /cms (the panel and its client).
COPY clients/js/src/ clients/js/src/
COPY clients/js/panel/ clients/js/panel/

RUN groupadd --system --gid 10001 sourcecheck \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin sourcecheck \
 && mkdir -p /app/var \
 && chown sourcecheck /app/var

# Numeric, so the runtime (e.g. Kubernetes runAsNonRoot) can verify it is not root.
USER 10001:10001

# Fail the build if the app cannot audit the bundled example offline.
RUN python -m service.smoke

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]

# The same command as `make serve` (tests/test_api_deploy.py runs it).
CMD ["gunicorn", "-c", "docker/gunicorn.conf.py", "--bind", "0.0.0.0:8000", "service.app:create_app()"]
