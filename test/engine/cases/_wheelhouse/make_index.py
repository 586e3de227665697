"""Writes a package index (PEP 503 layout, served as plain directories) with one large wheel.

    python3 make_index.py DEST

DEST/simple/heavylib/ holds heavylib 1.0.0, a wheel of 64 MiB of random bytes (it compresses to
nothing less), the size of a CUDA library's wheel; it needs smallops, a small wheel in
DEST/simple/smallops/. `python3 -m http.server --directory DEST` serves it as an index pip reads.
"""
import base64
import hashlib
import os
import sys
import zipfile
from pathlib import Path

PAYLOAD_MIB = 64


def record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


def wheel(dest: Path, name: str, version: str, requires: list[str], payload: bytes) -> None:
    folder = dest / "simple" / name
    folder.mkdir(parents=True, exist_ok=True)
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f'__version__ = "{version}"\n'.encode(),
        f"{info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
            + "".join(f"Requires-Dist: {r}\n" for r in requires)
        ).encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: make_index\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    if payload:
        files[f"{name}/kernels.bin"] = payload
    record = "".join(record_line(path, data) for path, data in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w", zipfile.ZIP_STORED) as whl:
        for path, data in files.items():
            whl.writestr(path, data)


def main() -> None:
    dest = Path(sys.argv[1])
    wheel(dest, "smallops", "1.2.0", [], b"")
    wheel(dest, "heavylib", "1.0.0", ["smallops>=1.0"], os.urandom(PAYLOAD_MIB * 1024 * 1024))
    print(f"index in {dest / 'simple'}: heavylib 1.0.0 ({PAYLOAD_MIB} MiB), smallops 1.2.0")


main()
