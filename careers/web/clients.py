"""Who the client is: its address, read through our trusted proxies."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import (
    HttpRequest,
)


def bare_ip(text: str) -> str | None:
    """The address in an X-Forwarded-For entry or a peer address, or None if there is none.

    Proxies write "203.0.113.9", "203.0.113.9:4711", "2001:db8::1" or "[2001:db8::1]:443".
    """
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def trusted_proxy(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request: HttpRequest) -> str:
    """The address that rate limits and login lock-outs count: always a valid IP.

    The peer's own address, unless the peer is one of our proxies (DJANGO_TRUSTED_PROXIES):
    then X-Forwarded-For is read from the right, past our own proxies, and the first other
    address is the client's. Entries further left are whatever the client sent. An entry
    that is no address ends the walk at the last proxy, which then counts as the client.
    """
    address = bare_ip(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while trusted_proxy(address) and hops:
        hop = bare_ip(hops.pop())
        if hop is None:
            break
        address = hop
    return address
