"""A TCP proxy on 127.0.0.1 between a device and the server, for fault tests: it forwards bytes
both ways and, when told, cuts a connection in the middle of the server's answer to a given
path (after the headers and part of the body), or holds the answer back until the test lets
the connection go. It can also be pointed at another upstream for new connections, as a load
balancer in front of two server processes.

HTTP/1.1 without pipelining is assumed (what httpx does): a request is written whole before
its answer is read, so the first bytes the client sends after an answer began start the next
request, and its request line names the path.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Cut:
    path: str
    fraction: float  # of the answer's body forwarded before the cut
    times: int


@dataclass
class _Exchange:
    """One connection: the path of the request under way and what came back of its answer."""

    path: str = ""
    answer: bytearray = field(default_factory=bytearray)
    answering: bool = False
    sent: int = 0  # bytes of the answer forwarded
    cut: Cut | None = None
    held: bool = False


class CuttingProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.cuts: list[Cut] = []
        self.hold_path: str | None = None  # answers to this path are held back
        self._nth: tuple[int, float] | None = None  # the answer to cut, from ``cut_nth``
        self._answers = 0
        self.done: list[tuple[str, str]] = []  # (path, "answered" | "cut" | "held")
        self.request_sent = threading.Event()  # the held path's request went upstream whole
        self.held = threading.Event()  # an answer to the held path is being held back
        self._release = threading.Event()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def cut(self, path: str, fraction: float = 0.5, times: int = 1) -> None:
        """The next ``times`` answers to ``path`` end after ``fraction`` of their body."""
        with self._lock:
            self.cuts.append(Cut(path, fraction, times))

    def cut_nth(self, n: int, fraction: float = 0.5) -> None:
        """The ``n``-th answer from now, whatever its path, ends after ``fraction`` of its body."""
        with self._lock:
            self._nth, self._answers = (n, fraction), 0

    def hold(self, path: str) -> None:
        """Answers to ``path`` are not forwarded; ``release`` drops those connections."""
        self.hold_path = path
        self.request_sent.clear()
        self.held.clear()
        self._release.clear()

    def release(self) -> None:
        self.hold_path = None
        self._release.set()

    def close(self) -> None:
        self._closed = True
        self._release.set()
        self._listener.close()
        for sock in list(self._sockets):
            _close(sock)

    # -- forwarding ----------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            parts = urlsplit(self.upstream)
            try:
                server = socket.create_connection((parts.hostname, parts.port), timeout=10)
            except OSError:
                _close(client)
                continue
            server.settimeout(None)
            self._sockets += [client, server]
            exchange = _Exchange()
            threading.Thread(
                target=self._downstream, args=(server, client, exchange), daemon=True
            ).start()
            threading.Thread(
                target=self._upstream, args=(client, server, exchange), daemon=True
            ).start()

    def _upstream(self, client: socket.socket, server: socket.socket, ex: _Exchange) -> None:
        """Client to server: note the path of each request as it starts."""
        request = bytearray()
        try:
            while data := client.recv(65536):
                if ex.answering or not ex.path:  # a new request begins
                    ex.path, ex.answering, request = _path(data), False, bytearray()
                    ex.answer.clear()
                request += data
                server.sendall(data)
                if ex.path == self.hold_path and _complete(request):
                    self.request_sent.set()
        except OSError:
            pass
        _close(server)

    def _downstream(self, server: socket.socket, client: socket.socket, ex: _Exchange) -> None:
        """Server to client: forward, and cut or hold an answer as told."""
        try:
            while data := server.recv(65536):
                if not ex.answering:
                    ex.answering, ex.sent = True, 0
                    ex.cut, ex.held = self._take_cut(ex.path), ex.path == self.hold_path
                ex.answer += data
                if ex.held:
                    self.held.set()
                    self._release.wait()
                    self._finish(ex.path, "held")
                    break
                if ex.cut is None:
                    # judged before forwarding: the client may start its next request at once
                    complete = _complete(ex.answer)
                    client.sendall(data)
                    if complete:
                        self._finish(ex.path, "answered")
                    continue
                end = _cut_end(ex.answer, ex.cut.fraction)
                if end is None:
                    continue  # the headers are not all in yet
                upto = min(end, len(ex.answer))
                client.sendall(bytes(ex.answer[ex.sent : upto]))
                ex.sent = upto
                if upto == end:
                    self._finish(ex.path, "cut")
                    break
        except OSError:
            pass
        _close(client)
        _close(server)

    def _take_cut(self, path: str) -> Cut | None:
        with self._lock:
            self._answers += 1
            if self._nth is not None and self._answers == self._nth[0]:
                return Cut(path, self._nth[1], 0)
            for cut in self.cuts:
                if cut.path == path and cut.times > 0:
                    cut.times -= 1
                    return cut
        return None

    def _finish(self, path: str, how: str) -> None:
        with self._lock:
            self.done.append((path, how))


def _path(data: bytes) -> str:
    line = data.split(b"\r\n", 1)[0].split()
    return line[1].decode("latin-1") if len(line) >= 2 else ""


def _split(message: bytes | bytearray) -> tuple[int, int] | None:
    """Where the body starts and how long it is (Content-Length), once the headers are in."""
    end = bytes(message).find(b"\r\n\r\n")
    if end < 0:
        return None
    length = 0
    for line in bytes(message[:end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return end + 4, length


def _complete(message: bytes | bytearray) -> bool:
    parts = _split(message)
    return parts is not None and len(message) >= parts[0] + parts[1]


def _cut_end(answer: bytearray, fraction: float) -> int | None:
    """Where the answer is cut: after the headers and ``fraction`` of the body (at least one
    byte of it, never all); None until the headers are in."""
    parts = _split(answer)
    if parts is None:
        return None
    start, length = parts
    return start + min(max(1, int(length * fraction)), max(0, length - 1))


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
