"""The room's TLS. The facilitator's laptop makes a self-signed certificate on first use and
keeps it, so the fingerprint its room shows on the projector stays the same from one workshop
to the next. A participant's laptop fetches the room's certificate first, compares its
fingerprint with the one on the projector, and only then sends the join code, over a
connection that accepts that one certificate and no other: someone else's laptop answering
at the room's address learns nothing, not even the code."""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import os
import re
import ssl
from dataclasses import dataclass
from pathlib import Path

from ..errors import SsmError

DIGITS = 20  # hex digits of the fingerprint shown: 80 bits, five groups read off a projector
NAME = "SSM Studio workshop room"


class CertificateError(SsmError):
    """The room's certificate could not be made, read or checked."""


@dataclass(frozen=True)
class Certificate:
    cert_file: Path
    key_file: Path
    der: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.der)


def fingerprint_of(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()[:DIGITS]
    return " ".join(digest[i:i + 4] for i in range(0, DIGITS, 4))


def normal(fingerprint: str) -> str:
    """What was typed, as digits only (spaces, dashes and case do not matter)."""
    return re.sub(r"[^0-9A-F]", "", fingerprint.upper())


def matches(der: bytes, fingerprint: str) -> bool:
    typed = normal(fingerprint)
    return len(typed) >= 12 and normal(fingerprint_of(der)).startswith(typed)


def room_certificate(folder: Path) -> Certificate:
    """The certificate kept in ``folder``, made there on first use."""
    cert_file, key_file = folder / "room-certificate.pem", folder / "room-key.pem"
    if not (cert_file.is_file() and key_file.is_file()):
        _make(cert_file, key_file)
    try:
        der = ssl.PEM_cert_to_DER_cert(cert_file.read_text("ascii"))
    except (OSError, ValueError) as error:
        raise CertificateError(f"The room's certificate in {folder} could not be read ({error}); delete "
                               "room-certificate.pem and room-key.pem there to make a new one.") from None
    return Certificate(cert_file, key_file, der)


def _make(cert_file: Path, key_file: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])
    now = datetime.datetime.now(datetime.UTC)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("ssm-studio-room")]), critical=False)
        # A certificate that is its own issuer, trusted as such by the participant's laptop.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    try:
        cert_file.parent.mkdir(parents=True, exist_ok=True)
        key_bytes = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())
        _write_private(key_file, key_bytes)
        _write_private(cert_file, certificate.public_bytes(serialization.Encoding.PEM))
    except OSError as error:
        raise CertificateError(f"The room's certificate could not be kept in {cert_file.parent} "
                               f"({error.strerror or error}).") from None


def _write_private(path: Path, data: bytes) -> None:
    """Written whole or not at all, readable by this user only (the key is the room's identity)."""
    temporary = path.with_name(path.name + ".part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def server_context(certificate: Certificate) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certificate.cert_file, certificate.key_file)
    return context


def pinned_context(der: bytes) -> ssl.SSLContext:
    """A client context that accepts exactly this certificate (names are not checked: a room
    is found by its address on the room's own network, and the fingerprint is the check)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=der)
    return context


async def fetch_certificate(host: str, port: int, timeout: float = 5.0) -> bytes:
    """The certificate the room at host:port presents (nothing is sent but the handshake)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # only looked at here; trusted after the fingerprint check
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, ssl=context), timeout)
    try:
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    finally:
        writer.close()
        try:
            await asyncio.wait_for(writer.wait_closed(), 1.0)
        except (OSError, TimeoutError, ssl.SSLError):
            pass
    if not der:
        raise CertificateError(f"The room at {host}:{port} presented no certificate.")
    return der
