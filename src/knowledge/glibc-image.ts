// The `glibc-image` enricher: an Alpine (musl) Python image of the log and the same Python's Debian (glibc)
// image, for packages that publish `manylinux` wheels only.
//
// Why: wheels for Linux are tagged for a C library, `manylinux_*` for glibc and `musllinux_*` for musl (PEP 600,
// PEP 656), and an Alpine Python, which is musl, installs only the latter (astral-sh/uv#7361, charliermarsh: "Alpine
// needs `musllinux` wheels"; astral-sh/uv#7370: a musl Python, `nvidia-cublas-cu11` with a `manylinux1_x86_64` wheel
// only). torch publishes manylinux, macOS and Windows wheels and no musllinux ones (the file list of torch 2.7.1 on
// PyPI: `cp3xx-manylinux_2_28_x86_64`, `…_aarch64`, `win_amd64`, `macosx_11_0_arm64`), and neither do its
// `nvidia-*-cu12` wheels (`manylinux…_x86_64`, `…_aarch64`, `win_amd64`).
// The Debian counterparts, by image:
// - uv's images: `ghcr.io/astral-sh/uv:python3.12-alpine` and `ghcr.io/astral-sh/uv:python3.12-bookworm-slim`
//   (based on python3.x-slim-bookworm) for the same Pythons 3.8 to 3.13 ("Using uv in Docker", Available images,
//   docs.astral.sh/uv/guides/integration/docker/, 2025 copies).
// - The official Python image: `python:3.10-alpine` and `python:3.10-slim-bookworm` (public Dockerfiles'
//   `FROM python:3.10-slim-bookworm`, find_string).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const UV_IMAGE = 'ghcr.io/astral-sh/uv:';

/**
 * `ghcr.io/astral-sh/uv:python3.10-alpine` → `ghcr.io/astral-sh/uv:python3.10-bookworm-slim`,
 * `python:3.11-alpine3.19` → `python:3.11-slim-bookworm`; null for any other image (no counterpart claimed).
 */
export function glibcCounterpart(image: string): string | null {
  const ref = image.trim().replace(/^docker\.io\//, '').replace(/^library\//, '');
  const colon = ref.lastIndexOf(':');
  if (colon < 0) return null;
  const repo = ref.slice(0, colon);
  const tag = ref.slice(colon + 1);
  if (`${repo}:` === UV_IMAGE) {
    const m = /^python(3\.\d{1,2})-alpine(?:3\.\d{1,2})?$/.exec(tag);
    return m ? `${UV_IMAGE}python${m[1]}-bookworm-slim` : null;
  }
  if (repo === 'python') {
    const m = /^(3\.\d{1,2}(?:\.\d{1,2})?)-alpine(?:3\.\d{1,2})?$/.exec(tag);
    return m ? `python:${m[1]}-slim-bookworm` : null;
  }
  return null;
}

/** uv's `python3.X-bookworm-slim` images, per its Docker guide's list: Pythons 3.8 to 3.13. */
const UV_BOOKWORM_PYTHONS = new Set(['3.8', '3.9', '3.10', '3.11', '3.12', '3.13']);

/** `3.10.15` / `3.10` → `3.10` when uv publishes a bookworm-slim image of it; else null. */
function uvPython(version: string | null): string | null {
  const m = version === null ? null : /^(3\.\d{1,2})(?:\.\d{1,3})?$/.exec(version);
  return m && UV_BOOKWORM_PYTHONS.has(m[1]!) ? m[1]! : null;
}

/**
 * `{enrich.alpineImage}` (the musl image the log shows: the stage's base, else the captured one) and `{enrich.glibcImage}`;
 * without a counterpart, `{enrich.uvGlibcImage}` and `{enrich.pythonGlibcImage}` of the log's Python.
 */
export function glibcImageEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const base = facts.value('baseImage');
  const image = base !== null && base.includes('alpine') ? base : (captures['context.alpineImage.image'] ?? null);
  const glibc = image === null ? null : glibcCounterpart(image);
  if (image !== null && glibc !== null) return { alpineImage: image, glibcImage: glibc };
  // the image is not in the log, the Python is: both Debian images of that Python, for the fix to offer
  const python = uvPython(facts.value('python'));
  const out: Record<string, string> = image === null ? {} : { alpineImage: image };
  if (python !== null) {
    out.python = python;
    out.uvGlibcImage = `${UV_IMAGE}python${python}-bookworm-slim`;
    out.pythonGlibcImage = `python:${python}-slim-bookworm`;
  }
  return out;
}
