"""akkoordvc: version control for negotiated public texts.

Layers, each importing only the ones before it:
model (parse, validate, canonical form) -> ops (redline, amendments) -> storage (git)
-> trust (registry, signatures) -> present (terminal, HTML, DOCX) -> cli.
"""

__version__ = "0.1.0"
