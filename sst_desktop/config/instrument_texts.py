"""The rating instruments as this organisation shows them: the shipped definitions with the
licensed item texts the organisation has put in its configuration laid over the neutral labels
(scoring never reads the texts)."""

from __future__ import annotations

from sst_desktop.config.organisation import OrganisationConfig
from sst_desktop.instruments import Catalogue, shipped_catalogue
from sst_desktop.instruments.errors import DEFINITION_INVALID, DefinitionError
from sst_desktop.instruments.texts import applies, load_texts, with_texts


def licensed_catalogue(config: OrganisationConfig) -> Catalogue:
    """Raises ``DefinitionError`` naming the file when a texts file is wrong: a missing licence
    text must be noticed, not replaced by labels without a word."""
    catalogue = shipped_catalogue()
    paths = config.instrument_text_paths()
    if not paths:
        return catalogue
    loaded = [(load_texts(path), path.name) for path in paths]
    for texts, name in loaded:
        if not any(applies(texts, d) for d in catalogue.all()):
            raise DefinitionError(
                DEFINITION_INVALID, file=name, field="instrument", problem="no such instrument"
            )
    definitions = []
    for definition in catalogue.all():
        for texts, name in loaded:
            if applies(texts, definition):
                definition = with_texts(definition, texts, name)
        definitions.append(definition)
    return Catalogue(definitions)
