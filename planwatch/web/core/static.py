"""Static files under names that carry their content's hash, so browsers keep them for good.

``planwatch serve`` collects the static files first (``collectstatic``); their names then carry a hash
(``dashboard.css`` → ``dashboard.3f9a1c.css``) and WhiteNoise sends them with ``Cache-Control:
max-age=315360000, immutable``: a deploy changes the name, never a kept copy's content. Where nothing
was collected (tests, a checkout run with ``--dev``) the plain names are served from the apps.
"""

from __future__ import annotations

from pathlib import Path

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedWhenCollected(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs):
        # gzip only: every browser takes it, and brotli at its best setting takes a minute here.
        return super().create_compressor(**{**kwargs, "use_brotli": False})

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected: the app's own file, by its plain name
            return name


def collect_if_changed() -> bool:
    """Run ``collectstatic`` unless the apps' static files are the ones collected last time (compressing
    every script anew takes a minute on a small server). Returns whether it ran."""
    import hashlib

    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from django.core.management import call_command

    digest = hashlib.blake2b(digest_size=16)
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda item: item[0]):
            info = Path(storage.path(path)).stat()
            digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    marker = settings.STATIC_ROOT / ".collected"
    if marker.exists() and marker.read_text() == digest.hexdigest():
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    marker.write_text(digest.hexdigest())
    return True
