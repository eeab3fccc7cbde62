"""A throwaway PostgreSQL cluster for the hub's tests and benchmark: initdb and the server of
the machine's own PostgreSQL, run as an unprivileged user, listening on a free loopback port.

Run as root (as CI does), the cluster belongs to the ``postgres`` user Debian's package
creates (or ``nobody``): PostgreSQL refuses to run as root. Logins need their passwords
(scram-sha-256), as on a real server.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ADMIN = "hubadmin"
ADMIN_PASSWORD = "admin-secret"


def _binaries() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True)
        folder = Path(out.stdout.strip())
        if (folder / "initdb").exists():
            return folder
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise RuntimeError(
        "PostgreSQL's server is not installed (no initdb): the hub's tests need it "
        "(on Debian: apt-get install postgresql)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    folder: Path
    port: int
    process: subprocess.Popen
    user: str | None

    def url(
        self, login: str = ADMIN, password: str | None = ADMIN_PASSWORD, db: str = "postgres"
    ) -> str:
        auth = login if password is None else f"{login}:{password}"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Cluster:
    binaries = _binaries()
    user = None
    if os.getuid() == 0:
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            user = name
            break
    folder = Path(tempfile.mkdtemp(prefix="annotator-hub-"))
    password_file = folder / "password"
    password_file.write_text(ADMIN_PASSWORD + "\n")
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        os.chown(password_file, entry.pw_uid, entry.pw_gid)
    data = folder / "data"
    subprocess.run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            ADMIN,
            "--auth=scram-sha-256",
            f"--pwfile={password_file}",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        user=user,
        cwd=folder,
    )
    port = _free_port()
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - the server writes it while it runs
    process = subprocess.Popen(
        [
            str(binaries / "postgres"),
            "-D",
            str(data),
            "-p",
            str(port),
            "-k",
            str(folder),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "fsync=off",
            "-c",
            "max_connections=100",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        user=user,
        cwd=folder,
    )
    for _ in range(300):
        ready = subprocess.run(
            [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
            capture_output=True,
        )
        if ready.returncode == 0:
            return Cluster(folder, port, process, user)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("PostgreSQL did not start: " + (folder / "server.log").read_text())
