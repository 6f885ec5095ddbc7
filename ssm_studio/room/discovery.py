"""Finding rooms on the room's own network by mDNS (python-zeroconf), with a typed address as
the fallback where a network blocks multicast. A host announces its room's title and port;
the join dialog lists what answers. Only the title is announced: the join code never is."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceInfo, Zeroconf

SERVICE = "_ssm-studio._tcp.local."


@dataclass(frozen=True)
class FoundRoom:
    title: str
    address: str  # wss://host:port (ws:// for a room without TLS)


def _interfaces(address: str) -> list[str] | None:
    return [address] if address.startswith("127.") else None  # None: every interface


class Announcement:
    """A room announced on the network until ``close``."""

    def __init__(self, title: str, address: str, port: int, scheme: str = "ws") -> None:
        self.zeroconf = Zeroconf(interfaces=_interfaces(address) or InterfaceChoice.All, ip_version=IPVersion.V4Only)
        name = "".join(c for c in title if c.isalnum() or c in " -")[:40].strip() or "SSM Studio room"
        self.info = ServiceInfo(SERVICE, f"{name} {port}.{SERVICE}", addresses=[socket.inet_aton(address)],
                                port=port, properties={"title": title[:200], "scheme": scheme})
        self.zeroconf.register_service(self.info, allow_name_change=True)

    def close(self) -> None:
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


class Discovery:
    """Rooms answering on the network, gathered in the background until ``close``."""

    def __init__(self, interface: str | None = None) -> None:
        self.zeroconf = Zeroconf(interfaces=[interface] if interface else InterfaceChoice.All,
                                 ip_version=IPVersion.V4Only)
        self._found: dict[str, FoundRoom] = {}
        self._lock = threading.Lock()
        self.browser = ServiceBrowser(self.zeroconf, SERVICE, handlers=[self._changed])

    def _changed(self, zeroconf: Zeroconf, service_type: str, name: str, state_change) -> None:
        info = zeroconf.get_service_info(service_type, name, timeout=1500)
        with self._lock:
            if info is None or state_change.name == "Removed":
                self._found.pop(name, None)
                return
            addresses = info.parsed_addresses(IPVersion.V4Only)
            title = ((info.properties or {}).get(b"title") or b"").decode("utf-8", "replace") or name
            scheme = "wss" if (info.properties or {}).get(b"scheme") == b"wss" else "ws"
            if addresses:
                self._found[name] = FoundRoom(title, f"{scheme}://{addresses[0]}:{info.port}")

    def rooms(self) -> list[FoundRoom]:
        with self._lock:
            return sorted(self._found.values(), key=lambda r: r.title)

    def close(self) -> None:
        self.browser.cancel()
        self.zeroconf.close()


def discover(seconds: float = 2.0, interface: str | None = None) -> list[FoundRoom]:
    """The rooms that answer within ``seconds`` (bounded: it stops by itself)."""
    finder = Discovery(interface)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.05)
        return finder.rooms()
    finally:
        finder.close()
