"""Builds the Briefing Reader bundle for this platform with PyInstaller, then smoke-tests it.

    python installer/build.py                 # build, smoke-test, and on Linux pack a .tar.gz
    python installer/build.py --skip-build    # only smoke-test (and pack) the existing bundle

The smoke test runs the built program with --version and --self-test, offscreen and with a
temporary HOME (and XDG / APPDATA folders), so the user's own library is never touched. The
exit status is non-zero if the build or the smoke test fails. Sizes and times are printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "briefing-reader.spec"
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
NAME = "briefing-reader"
APP_NAME = "Briefing Reader"
# A cold start of the self-test in a fresh bundle reads every library once; allow for slow CI.
SELF_TEST_TIMEOUT = 300


def version() -> str:
    text = (ROOT / "briefing_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M).group(1)


def bundle_dir(dist: Path) -> Path:
    """The folder that is installed: the one-folder bundle, or the .app on macOS."""
    if sys.platform == "darwin":
        return dist / f"{APP_NAME}.app"
    return dist / NAME


def program(dist: Path) -> Path:
    """The executable that runs commands (on Windows the console twin of the windowed one)."""
    if sys.platform == "win32":
        return dist / NAME / "briefing.exe"
    if sys.platform == "darwin":
        return dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / NAME


def build(dist: Path, work: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    print("$ " + " ".join(command), flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def sandbox_env(home: Path) -> dict[str, str]:
    """The environment for the smoke test: offscreen Qt and every per-user folder in `home`."""
    env = dict(os.environ)
    env.pop("BRIEFING_LIBRARY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    env["USERPROFILE"] = str(home)
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(home / "tmp")
    (home / "tmp").mkdir(exist_ok=True)
    return env


def run_timed(command: list[str], env: dict[str, str], timeout: float):
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    return done, time.perf_counter() - started


def smoke_test(dist: Path) -> dict[str, float]:
    """Run the bundle's --version and --self-test; raise SystemExit with the reason if either fails."""
    exe = program(dist)
    if not exe.is_file():
        raise SystemExit(f"build.py: no program at {exe}; did the build run?")
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as tmp:
        home = Path(tmp)
        env = sandbox_env(home)
        for attempt in ("first", "second"):
            done, seconds = run_timed([str(exe), "--version"], env, timeout=120)
            if done.returncode != 0 or version() not in done.stdout:
                raise SystemExit(
                    f"build.py: `{exe.name} --version` failed (exit {done.returncode}):\n"
                    f"{done.stdout}{done.stderr}"
                )
            times[f"--version ({attempt} run)"] = seconds
        done, seconds = run_timed([str(exe), "--self-test"], env, timeout=SELF_TEST_TIMEOUT)
        times["--self-test"] = seconds
        sys.stdout.write(_indent(done.stdout))
        if done.returncode != 0 or "Self-test passed" not in done.stdout:
            sys.stdout.write(_indent(done.stderr))
            raise SystemExit(f"build.py: the bundle's self-test failed (exit {done.returncode})")
        # The self-test works in a temporary library: nothing may appear in the user's folders.
        # (Checked before the window runs: the window writes its log there, as it should.)
        left = [
            p
            for p in home.rglob("*")
            if "BriefingReader" in p.name or p.name.lower() == "briefingreader"
        ]
        if left:
            raise SystemExit(f"build.py: the self-test wrote into the user's folders: {left}")
        times["window (gui, offscreen)"] = window_check(exe, env, home / "window-library")
    return times


def window_check(exe: Path, env: dict[str, str], library: Path, wait: float = 6.0) -> float:
    """Start the window offscreen (the self-test loads no window code) and see that it stays up."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(exe), "--library", str(library), "gui"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            out, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
        if "Traceback" in err:
            raise SystemExit(f"build.py: the window printed an error:\n{_indent(err)}") from None
        return time.perf_counter() - started
    out, err = process.communicate()
    raise SystemExit(
        f"build.py: the window exited at once (exit {process.returncode}):\n{_indent(out + err)}"
    )


def bundle_size(folder: Path) -> int:
    """Bytes on disk of the bundle's files (symbolic links are not counted twice)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def linux_archive(dist: Path) -> Path:
    """build/dist/briefing-reader-<version>-linux-<arch>.tar.gz: the bundle, desktop entry, icons."""
    arch = platform.machine().lower().replace("amd64", "x86_64")
    target = dist / f"{NAME}-{version()}-linux-{arch}.tar.gz"
    top = f"{NAME}-{version()}"
    linux = ROOT / "installer" / "linux"
    icons = ROOT / "resources" / "icons" / "app"
    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(dist / NAME, arcname=f"{top}/{NAME}")  # symbolic links stay links
        tar.add(linux / f"{NAME}.desktop", arcname=f"{top}/{NAME}.desktop")
        tar.add(linux / "install.sh", arcname=f"{top}/install.sh")
        for png in sorted(icons.glob(f"{NAME}-*.png")):
            tar.add(png, arcname=f"{top}/icons/{png.name}")
        readme = ROOT / "installer" / "linux" / "README-linux.txt"
        if readme.is_file():
            tar.add(readme, arcname=f"{top}/README.txt")
    partial.replace(target)
    return target


def windows_setup(dist: Path) -> Path | None:
    """Compile the Inno Setup script if iscc is installed; returns the setup program."""
    import shutil

    candidates = [
        Path(os.environ.get(var, default)) / "Inno Setup 6" / "ISCC.exe"
        for var, default in (
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            ("ProgramFiles", r"C:\Program Files"),
        )
    ]
    iscc = shutil.which("iscc") or next((str(p) for p in candidates if p.is_file()), None)
    if iscc is None:
        return None
    script = ROOT / "installer" / "windows" / "briefing-reader.iss"
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version()}",
            f"/DBundleDir={dist / NAME}",
            f"/O{dist}",
            str(script),
        ],
        cwd=ROOT,
        check=True,
    )
    return dist / f"{NAME}-{version()}-windows-x64-setup.exe"


def macos_disk_image(dist: Path) -> Path:
    """A compressed disk image of the .app (hdiutil ships with macOS)."""
    arch = platform.machine().lower()
    target = dist / f"{NAME}-{version()}-macos-{arch}.dmg"
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            APP_NAME,
            "-srcfolder",
            str(bundle_dir(dist)),
            "-ov",
            "-format",
            "UDZO",
            str(target),
        ],
        check=True,
    )
    return target


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="test the existing bundle")
    parser.add_argument("--no-archive", action="store_true", help="Linux: do not write .tar.gz")
    parser.add_argument("--distpath", type=Path, default=DIST, help=f"default: {DIST}")
    parser.add_argument("--workpath", type=Path, default=WORK, help=f"default: {WORK}")
    args = parser.parse_args(argv)
    dist, work = args.distpath.resolve(), args.workpath.resolve()

    if not args.skip_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print(
                "build.py: PyInstaller is not installed; run: pip install -e '.[test]'",
                file=sys.stderr,
            )
            return 2
        try:
            seconds = build(dist, work)
        except subprocess.CalledProcessError as exc:
            print(f"build.py: PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
            return 1
        print(f"Built {bundle_dir(dist)} in {seconds:.0f} s")

    times = smoke_test(dist)
    folder = bundle_dir(dist)
    print(f"Bundle: {folder} — {_mb(bundle_size(folder))} unpacked")
    for what, seconds in times.items():
        if what.startswith("window"):
            print(f"Window: opened offscreen and still running after {seconds:.0f} s")
        else:
            print(f"Start-up: {what}: {seconds:.2f} s")

    if sys.platform.startswith("linux") and not args.no_archive:
        started = time.perf_counter()
        archive = linux_archive(dist)
        print(
            f"Archive: {archive} — {_mb(archive.stat().st_size)}"
            f" (packed in {time.perf_counter() - started:.0f} s)"
        )
    elif sys.platform == "win32" and not args.no_archive:
        setup = windows_setup(dist)
        if setup:
            print(f"Setup: {setup} — {_mb(setup.stat().st_size)}")
        else:
            print("Inno Setup (iscc) not found: install Inno Setup 6.3+, then run")
            print(f"    iscc /DAppVersion={version()} installer\\windows\\briefing-reader.iss")
    elif sys.platform == "darwin" and not args.no_archive:
        image = macos_disk_image(dist)
        print(f"Disk image: {image} — {_mb(image.stat().st_size)} (not signed or notarised)")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
