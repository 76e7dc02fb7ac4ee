"""Mail delivery of press reviews, against a local aiosmtpd server."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from rassegna.app.mailer import MailError, send_report
from rassegna.config.models import SmtpSettings


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler keeping what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802 - aiosmtpd's hook
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):  # noqa: ANN001, ANN202
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"rassegna", b"s3greto")
    return AuthResult(success=ok)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """A local SMTP server (AUTH allowed without TLS) and its port."""
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=_authenticator, auth_require_tls=False
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_report_is_mailed_with_its_pdf(smtp_server: tuple[Inbox, int], tmp_path: Path) -> None:
    inbox, port = smtp_server
    pdf = tmp_path / "LgNet2-2023-10-01_2023-10-07.pdf"
    pdf.write_bytes(b"%PDF-1.7 fake")
    smtp = SmtpSettings(host="127.0.0.1", port=port, sender="rassegna@cittalia.test")
    send_report(smtp, ["ufficio.stampa@cittalia.test", "capo@cittalia.test"], "Rassegna", "In allegato.", [pdf])
    ((mail_from, rcpt, message),) = inbox.messages
    assert mail_from == "rassegna@cittalia.test"
    assert rcpt == ["ufficio.stampa@cittalia.test", "capo@cittalia.test"]
    assert message["Subject"] == "Rassegna"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == pdf.name
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == b"%PDF-1.7 fake"


def test_password_comes_from_the_named_environment_variable(
    smtp_server: tuple[Inbox, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = smtp_server
    smtp = SmtpSettings(host="127.0.0.1", port=port, username="rassegna", password_env="MY_SMTP_PW")
    monkeypatch.delenv("MY_SMTP_PW", raising=False)
    with pytest.raises(MailError, match=r"\$MY_SMTP_PW is not set"):
        send_report(smtp, ["a@b.test"], "x", "y", [])
    monkeypatch.setenv("MY_SMTP_PW", "s3greto")
    send_report(smtp, ["a@b.test"], "x", "y", [])
    assert len(inbox.messages) == 1


def test_unreachable_server_is_a_mail_error() -> None:
    smtp = SmtpSettings(host="127.0.0.1", port=free_port())
    with pytest.raises(MailError, match="127.0.0.1"):
        send_report(smtp, ["a@b.test"], "x", "y", [])
