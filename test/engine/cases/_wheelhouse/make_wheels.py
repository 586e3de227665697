"""Writes a local wheel index of small pure-Python wheels whose dependencies conflict on purpose.

    python3 make_wheels.py DEST

vision 0.15.0 pins torchlike==2.0.0, every metrics>=1.0 needs torchlike>=2.1:
  pip install trainer vision==0.15.0     every trainer needs metrics>=1.0: ResolutionImpossible,
                                         after backtracking through metrics and trainer
  pip install lightning vision==0.15.0   only lightning 2.0.0 (metrics<1.0) fits: pip backtracks
                                         through the newer lightning releases, then installs
"""
import base64
import hashlib
import sys
import zipfile
from pathlib import Path

PACKAGES = {
    "torchlike": {v: [] for v in ("2.0.0", "2.1.0", "2.2.0", "2.3.0")},
    "vision": {"0.15.0": ["torchlike==2.0.0"], "0.16.0": ["torchlike==2.1.0"]},
    "metrics": {
        "0.9.0": ["torchlike>=2.0"],
        **{f"1.{minor}.0": ["torchlike>=2.1", "numpylike>=1.0"] for minor in range(6)},
    },
    "numpylike": {"1.0.0": [], "1.1.0": []},
    "trainer": {f"1.{minor}.0": [f"metrics>=1.{minor % 3}"] for minor in range(8)},
    "lightning": {
        "2.0.0": ["metrics<1.0"],
        **{f"2.{minor}.0": ["metrics>=1.0"] for minor in range(1, 16)},
    },
}


def record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest},{len(data)}"


def write_wheel(dest: Path, name: str, version: str, requires: list[str]) -> None:
    dist_info = f"{name}-{version}.dist-info"
    metadata = "".join(
        [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {name} test package\n"]
        + [f"Requires-Dist: {r}\n" for r in requires]
    )
    files = {
        f"{name}/__init__.py": f'__version__ = "{version}"\n',
        f"{dist_info}/METADATA": metadata,
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: make_wheels\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},{record_hash(text.encode())}\n" for path, text in files.items())
    files[f"{dist_info}/RECORD"] = record + f"{dist_info}/RECORD,,\n"
    with zipfile.ZipFile(dest / f"{name}-{version}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)


def main() -> None:
    dest = Path(sys.argv[1])
    dest.mkdir(parents=True, exist_ok=True)
    for name, versions in PACKAGES.items():
        for version, requires in versions.items():
            write_wheel(dest, name, version, requires)
    print(f"{sum(len(v) for v in PACKAGES.values())} wheels in {dest}")


main()
