"""Stage 2: who is in the article. Mentions found in the parse, merged into canonical actors."""

from dossier.actors.model import Actor, ActorIndex, Mention
from dossier.actors.pipeline import extract_actors

__all__ = ["Actor", "ActorIndex", "Mention", "extract_actors"]
