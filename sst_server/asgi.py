"""The ASGI application uvicorn's workers import (``sst_server.asgi:app``)."""

from sst_server.app import create_app

app = create_app()
