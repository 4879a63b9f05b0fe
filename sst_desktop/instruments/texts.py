"""Licensed item texts, laid over a definition's neutral labels.

The shipped definitions carry neutral labels only: the item texts belong to their owners. An
organisation that holds a licence keeps a texts file per instrument in its configuration:

    {"format": 1, "instrument": "sdq", "version": 1,
     "items": {"1": {"sv": "...", "en": "..."}, ...}}

``with_texts`` returns the definition with ``Item.text`` filled in; scoring never reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sst_desktop.instruments.errors import DEFINITION_INVALID, DefinitionError
from sst_desktop.instruments.schema import Definition, ItemKey, Name, Text


class LicensedTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = Field(ge=1, le=1)
    instrument: Name
    version: int | None = None  # None: every version of the instrument
    items: dict[ItemKey, Text]


def load_texts(path: Path) -> LicensedTexts:
    try:
        return LicensedTexts.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise DefinitionError(
            DEFINITION_INVALID, file=path.name, field=field, problem=first["msg"]
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DefinitionError(
            DEFINITION_INVALID, file=path.name, field="(file)", problem="cannot be read as JSON"
        ) from exc


def with_texts(definition: Definition, texts: LicensedTexts, file: str) -> Definition:
    """The definition with the licensed texts; every key must be one of its items."""
    keys = {item.key for item in definition.items}
    for key in texts.items:
        if key not in keys:
            raise DefinitionError(
                DEFINITION_INVALID, file=file, field=f"items.{key}", problem="unknown item"
            )
    items = tuple(
        item.model_copy(update={"text": texts.items.get(item.key, item.text)})
        for item in definition.items
    )
    return definition.model_copy(update={"items": items})


def applies(texts: LicensedTexts, definition: Definition) -> bool:
    return texts.instrument == definition.id and texts.version in (None, definition.version)
