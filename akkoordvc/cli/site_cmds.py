"""`akkoord site OUTDIR`: build the static review site (see `akkoordvc.present.site`)."""

from __future__ import annotations

import re

import click

from ..errors import AkkoordError
from .common import open_workspace
from .language import say

_URL = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?$")


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not _URL.match(value):
        raise AkkoordError.keyed("output.site.base_url", value=value)
    return value if value.endswith("/") else value + "/"


@click.command()
@click.argument("outdir", type=click.Path())
@click.option("--base-url", metavar="URL", help="Where the site will be published (absolute links in feed and JSON).")
@click.option("--trust-anchor", metavar="FPR", help="Verify against this registry fingerprint (sha256:...).")
def site(outdir: str, base_url: str | None, trust_anchor: str | None) -> int:
    """Build a static review site of the repository in OUTDIR; a rebuild rewrites only what changed."""
    from ..model.dates import today
    from ..present.site import build

    url = _base_url(base_url)
    result = build(open_workspace(), outdir, base_url=url, trust_anchor=trust_anchor, today=today())
    removed = say("output.site.removed", count=len(result.removed)) if result.removed else ""
    click.echo(
        say(
            "output.site.built",
            outdir=outdir,
            written=len(result.written),
            unchanged=len(result.unchanged),
            removed=removed,
        )
    )
    click.echo(say("output.site.open", index=f"{outdir.rstrip('/')}/index.html"))
    return 0
