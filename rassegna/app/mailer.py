"""Mail delivery of scheduled press reviews over SMTP (password from the environment variable the config names)."""

from __future__ import annotations

import mimetypes
import os
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from rassegna.config.models import SmtpSettings


class MailError(RuntimeError):
    """The message could not be handed to the SMTP server."""


def build_message(
    sender: str, recipients: Sequence[str], subject: str, body: str, attachments: Sequence[Path] = ()
) -> EmailMessage:
    """A plain-text message with the given files attached."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message.set_content(body)
    for path in attachments:
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return message


def send_message(smtp: SmtpSettings, message: EmailMessage, timeout: float = 60.0) -> None:
    """Send ``message`` through the configured server (SSL on port 465, STARTTLS when configured)."""
    password = os.environ.get(smtp.password_env) if smtp.username else None
    if smtp.username and password is None:
        raise MailError(f"SMTP user {smtp.username!r} is configured but ${smtp.password_env} is not set")
    try:
        if smtp.port == 465:
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        with client:
            if smtp.starttls and smtp.port != 465:
                client.starttls(context=ssl.create_default_context())
            if smtp.username:
                client.login(smtp.username, password or "")
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"mail to {message['To']} via {smtp.host}:{smtp.port} failed: {exc}") from exc


def send_report(
    smtp: SmtpSettings, recipients: Sequence[str], subject: str, body: str, attachments: Sequence[Path]
) -> None:
    """Mail a press review to ``recipients`` with its files attached."""
    send_message(smtp, build_message(smtp.sender, recipients, subject, body, attachments))
