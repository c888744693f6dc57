"""``sitrep serve`` as a user starts it: a real process on 127.0.0.1 answering the desk."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("path,status", [("/", 200), ("/api/events", 200), ("/api/nothing", 404)])
def test_serve_cli_starts_server_on_loopback(tmp_path, path, status):
    port = _free_port()
    env = dict(os.environ, SITREP_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(tmp_path / "s.db"),
                             "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline, response = time.monotonic() + 30, None
        while time.monotonic() < deadline and response is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2)
            except httpx.TransportError:
                time.sleep(0.2)
        assert response is not None, proc.stderr.read1().decode() if proc.poll() is not None else "no answer"
        assert response.status_code == status
        assert response.headers["x-frame-options"] == "DENY"
        assert "server" not in response.headers
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "writes disabled" in proc.stderr.read().decode()


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_cli_rejects_bad_port(tmp_path, capsys, port):
    from sitrep.cli import main

    assert main(["serve", "--db", str(tmp_path / "s.db"), "--port", port]) == 2
    assert "--port" in capsys.readouterr().err
