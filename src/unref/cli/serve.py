"""`unref serve`, the web reader and REST API over a corpus (mirrors `unref.serve.create_app`)."""

from __future__ import annotations

from typing import Annotated

import typer

from unref.cli.app import Db, Debug, app, reporting

__all__ = ["access", "app", "serve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def access(token: str | None) -> str:
    """Return what the server lets clients do: only read, or also write with the token (never "read-only" then:
    POST /api/documents adds to the corpus)."""
    if token:
        return "reads for everyone; uploads to /api/parse and /api/documents, which stores them, need the token"
    return "read-only"


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="UNREF_TOKEN", show_envvar=True, show_default=False,
        help="Take uploads (POST /api/parse parses one, POST /api/documents stores one in the corpus) from clients "
             "that send `Authorization: Bearer TOKEN`. Without it the server only reads.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds of database work allowed per request.", min=0.1)] = 5.0,
    max_rows: Annotated[int, typer.Option(help="Rows a list returns, and hits a search can page through.",
                                          min=1)] = 1000,
    max_upload: Annotated[int, typer.Option(help="Largest upload to /api/parse, in MiB.", min=1)] = 20,
    debug: Debug = False,
) -> None:
    """Serve the corpus: search, read documents and follow citations in a browser, or through the REST API."""
    import uvicorn

    from unref.corpus.store import resolve_url
    from unref.corpus.store.base import redact
    from unref.serve import create_app

    url = resolve_url(db)
    with reporting(debug):
        application = create_app(url, token=token, query_timeout=timeout, max_rows=max_rows,
                                 max_upload=max_upload * 1024 * 1024)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"unref: serving {redact(url)} at http://{shown}:{port}/ ({access(token)}); Ctrl-C stops", err=True)
    if host not in LOOPBACK:
        typer.echo(f"unref: warning: listening on {host}, reachable from other machines", err=True)
    uvicorn.run(application, host=host, port=port, log_level="debug" if debug else "info",
                proxy_headers=False, server_header=False)
