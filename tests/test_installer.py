"""The installer: icons and platform files are well formed, and the bundle builds and passes its self-test."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INSTALLER = REPO / "installer"
ICONS = REPO / "resources" / "icons" / "app"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    return struct.unpack(">II", data[16:24])  # IHDR width and height


# -- icons ------------------------------------------------------------------------------------------


def test_ico_holds_a_png_per_size_at_the_offsets_its_directory_gives():
    data = (ICONS / "briefing-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for n in range(count):
        w, h, colours, _, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n : 22 + 16 * n]
        )
        side = w or 256
        assert (w, colours, planes, bpp) == (h, 0, 1, 32)
        assert _png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_holds_png_elements_of_the_sizes_their_types_name():
    make_icons = _load("make_icons")
    data = (ICONS / "briefing-reader.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    pos = 8
    while pos < len(data):
        ostype, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[ostype] = _png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == dict(make_icons.ICNS_TYPES)


def test_rendered_icons_are_up_to_date_with_the_svg(tmp_path):
    """Editing resources/icons/briefing-reader.svg without running make_icons.py fails here."""
    # In a subprocess: make_icons starts a QGuiApplication, and this process's Qt tests need a
    # QApplication (a process gets one application object, of one kind).
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "make_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name in ("briefing-reader.ico", "briefing-reader.icns"):
        assert (tmp_path / name).stat().st_size > 1000
    from PySide6.QtGui import QImage

    for size in (16, 256):
        name = f"briefing-reader-{size}.png"
        fresh, committed = QImage(str(tmp_path / name)), QImage(str(ICONS / name))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = fresh.convertToFormat(QImage.Format.Format_RGBA8888)
        committed = committed.convertToFormat(QImage.Format.Format_RGBA8888)
        a, b = bytes(fresh.constBits()), bytes(committed.constBits())
        # A tolerance, not equality: antialiasing may differ by a shade between Qt versions.
        differing = sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 24)
        assert differing < len(a) * 0.01, f"{name} differs from the SVG: run make_icons.py"


# -- platform files -----------------------------------------------------------------------------------


def test_desktop_entry_starts_the_window_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(INSTALLER / "linux" / "briefing-reader.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Briefing Reader"
    assert desktop["Exec"] == "briefing-reader gui %F"
    assert desktop["Icon"] == "briefing-reader"
    assert desktop["Terminal"] == "false"
    # install.sh installs exactly these icon files under hicolor.
    script = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    for size in script.split('sizes="')[1].split('"')[0].split():
        assert (ICONS / f"briefing-reader-{size}.png").is_file()
    validate = shutil.which("desktop-file-validate")
    if validate:
        done = subprocess.run(
            [validate, str(INSTALLER / "linux" / "briefing-reader.desktop")],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_inno_setup_script_names_files_that_exist():
    iss = (INSTALLER / "windows" / "briefing-reader.iss").read_text(encoding="utf-8")
    for needed in ("AppId=", "DefaultDirName={autopf}", "UninstallDisplayIcon=", "[Icons]"):
        assert needed in iss
    assert 'Name: "desktopicon"' in iss and "Flags: unchecked" in iss
    icon = iss.split("SetupIconFile=")[1].splitlines()[0].strip().replace("\\", "/")
    assert (INSTALLER / "windows" / icon).resolve().is_file()


# -- the bundle -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pytest.importorskip(
        "PyInstaller",
        reason="PyInstaller is not installed (it is in the test extra: pip install -e '.[test]')",
    )
    if sys.platform.startswith("linux") and not shutil.which("objdump"):
        pytest.skip("PyInstaller needs objdump on Linux (apt-get install binutils)")
    root = tmp_path_factory.mktemp("bundle")
    dist, work = root / "dist", root / "work"
    done = subprocess.run(
        [
            sys.executable,
            str(INSTALLER / "build.py"),
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    shutil.rmtree(work, ignore_errors=True)
    return done, dist


def test_bundle_builds_and_passes_its_self_test(built):
    done, dist = built
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    assert "Self-test passed: 6 steps" in done.stdout
    assert "ok   pdf" in done.stdout and "(bundle," in done.stdout
    assert "Window: opened offscreen" in done.stdout
    assert done.stdout.rstrip().endswith("OK")


def test_bundle_carries_the_data_and_nothing_it_should_not(built):
    done, dist = built
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = dist / "briefing-reader"
    if sys.platform == "darwin":
        folder = dist / "Briefing Reader.app" / "Contents" / "Resources"
    internal = folder / "_internal" if (folder / "_internal").is_dir() else folder
    seeds = sorted(p.name for p in (internal / "seeds").iterdir())
    assert seeds == sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert (internal / "resources" / "gazetteer" / "countries.tsv").is_file()
    assert (internal / "resources" / "icons" / "app" / "briefing-reader-256.png").is_file()
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("pytest", "_pytest", "hypothesis", "tkinter", "QtWebEngineCore.abi3.so"):
        assert unwanted not in names
    assert not any(n.startswith(("libQt6Quick", "libQt6Qml", "libQt6Network")) for n in names)
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    # The research corpus beside the checkout is never bundled (the seeds are copies of three
    # of its articles and are meant to be there).
    shared = REPO.parent / "shared"
    if shared.is_dir():
        corpus = {p.name for p in shared.rglob("*") if p.is_file() and p.stat().st_size > 4096}
        assert not (corpus - set(seeds) - {"README.md", "LICENSE"}) & names
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 260_000_000, f"the bundle grew to {size / 1e6:.0f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is made on Linux")
def test_linux_archive_holds_bundle_desktop_entry_icons_and_installer(built):
    done, dist = built
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (archive,) = dist.glob("briefing-reader-*-linux-*.tar.gz")
    from briefing_app import __version__

    assert archive.name.startswith(f"briefing-reader-{__version__}-linux-")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    top = f"briefing-reader-{__version__}"
    for member in (
        "briefing-reader/briefing-reader",
        "briefing-reader.desktop",
        "install.sh",
        "icons/briefing-reader-256.png",
    ):
        assert f"{top}/{member}" in names
