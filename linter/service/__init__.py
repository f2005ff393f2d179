"""``reslint serve``: the HTTP API and the editor page (the optional ``server`` extra).

The app (:mod:`linter.service.app`) answers under ``/v1`` with the models of the Python
API (:mod:`linter.api`), which are the command line's JSON contracts; linting runs in a
bounded pool of worker processes (:mod:`linter.service.pool`) with a time limit per
document, and every request body is bounded (:mod:`linter.service.limits`). Nothing here
is imported by the other commands: FastAPI, uvicorn, pebble and prometheus_client stay off
the import path of ``reslint check``.
"""
