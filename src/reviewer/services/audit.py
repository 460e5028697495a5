"""Audit events: who changed what. Written inside the caller's transaction, so the change and its record commit
together or not at all."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from reviewer.storage.models import AuditEvent


def record(session: Session, actor: str, entity: str, entity_uuid: str, action: str, **detail: Any) -> None:
    session.add(
        AuditEvent(
            actor=actor,
            entity=entity,
            entity_uuid=entity_uuid,
            action=action,
            detail_json=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        )
    )
