"""Build hook: ship the dashboard (``static/``) inside the package as ``plynx/_static``.

Everything else is configured in pyproject.toml. Editable installs read ``static/`` from the
checkout instead (see ``plynx.server.static.find_static_dir``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: What the server serves; the npm files and the vendoring script stay out of the package.
DASHBOARD = ("index.html", "app", "vendor")


class BuildWithDashboard(build_py):
    """``build_py`` that also copies the dashboard's files into ``plynx/_static``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = Path(__file__).resolve().parent / "static"
        target = Path(self.build_lib) / "plynx" / "_static"
        if not (source / "index.html").is_file():
            return  # an sdist built without the dashboard: the server runs API-only
        shutil.rmtree(target, ignore_errors=True)
        for name in DASHBOARD:
            item = source / name
            if item.is_dir():
                shutil.copytree(item, target / name)
            elif item.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(item, target / name)


setup(cmdclass={"build_py": BuildWithDashboard})
