"""A real SMTP server for the email tests: aiosmtpd on 127.0.0.1, STARTTLS required, a login required.

Its certificate is made for the test by openssl and trusted through SSL_CERT_FILE, which the
standard library's default TLS context reads (Django's SMTP backend uses that context).
"""

import email
import email.policy
import ssl
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.support.servers import free_port

USER = "portal-mail"
PASSWORD = "mail-secret-for-tests"


def certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@dataclass
class SMTPServer:
    port: int
    ca_file: Path
    messages: list = field(default_factory=list)
    logins: list = field(default_factory=list)

    def url(self, password: str = PASSWORD) -> str:
        return f"smtp+tls://{USER}:{password}@127.0.0.1:{self.port}"

    def bodies(self) -> list[str]:
        return [message.get_body(("plain",)).get_content() for message in self.messages]


class _Handler:
    def __init__(self, server: SMTPServer):
        self.server = server

    async def handle_DATA(self, smtp, session, envelope):
        self.server.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"


@contextmanager
def smtp_server(directory: Path, port: int | None = None):
    cert, key = certificate(directory)
    server = SMTPServer(port=port or free_port(), ca_file=cert)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(smtp, session, envelope, mechanism, auth_data):
        server.logins.append(auth_data.login)
        accepted = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        return AuthResult(success=accepted)

    controller = Controller(
        _Handler(server),
        hostname="127.0.0.1",
        port=server.port,
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=authenticator,
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()
