// What a base image's name and tag say about the build: NVIDIA's `nvidia/cuda` tags spell the
// CUDA version, cuDNN, flavour and OS (`12.4.1-cudnn-devel-ubuntu22.04`), PyTorch's own images
// the torch and CUDA versions (`pytorch/pytorch:2.3.0-cuda12.1-cudnn8-devel`), NGC's framework
// images a release month (`nvcr.io/nvidia/pytorch:23.09-py3`, whose CUDA is known for the months
// listed in ngc-pytorch-cuda.ts), and the distro and Python images
// their release (`python:3.11-slim-bookworm`, `ubuntu:22.04`).
import { releaseOfCodename } from './release-codenames.js';
import { ngcPytorchCuda } from './ngc-pytorch-cuda.js';
import type { FactName } from './types.js';

/** `ubuntu22.04` / `ubi9` / `rockylinux8` / `centos7` / `bookworm` in a tag → the release as people write it. */
function osOfTagPart(part: string): string | null {
  const m = /^(?<distro>ubuntu|ubi|rockylinux|centos|oraclelinux|amzn|opensuse|debian)(?<v>\d{1,2}(?:\.\d{2})?)$/.exec(part);
  if (m?.groups) {
    const names: Record<string, string> = {
      ubuntu: 'Ubuntu',
      ubi: 'UBI',
      rockylinux: 'Rocky Linux',
      centos: 'CentOS',
      oraclelinux: 'Oracle Linux',
      amzn: 'Amazon Linux',
      opensuse: 'openSUSE',
      debian: 'Debian',
    };
    return `${names[m.groups.distro!]!} ${m.groups.v!}`;
  }
  return releaseOfCodename[part] ?? null;
}

/** The facts one base image reference proves, as `[name, value]` pairs. */
export function imageFacts(image: string): [FactName, string][] {
  const colon = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  if (colon < 0 || colon < slash) return [];
  const repo = image.slice(0, colon).replace(/^(?:docker\.io|index\.docker\.io)\//, '');
  const tag = image.slice(colon + 1);
  const parts = tag.split('-');
  const out: [FactName, string][] = [];

  if (/(?:^|\/)nvidia\/cuda$/.test(repo) || /(?:^|\/)cuda$/.test(repo)) {
    // `12.4.1-cudnn-devel-ubuntu22.04`, `11.8.0-cudnn8-runtime-ubuntu20.04`, `12.2.2-base-ubi9`
    const version = /^(\d{1,2})\.(\d{1,2})/.exec(parts[0] ?? '');
    if (version) out.push(['cuda', `${Number(version[1])}.${Number(version[2])}`]);
    for (const part of parts.slice(1)) {
      const cudnn = /^cudnn(\d{1,2})$/.exec(part);
      if (cudnn) out.push(['cudnn', cudnn[1]!]);
      if (part === 'base' || part === 'runtime' || part === 'devel') out.push(['imageFlavour', part]);
      const os = osOfTagPart(part);
      if (os !== null) out.push(['os', os]);
    }
    return out;
  }
  if (/^(?:nvcr\.io\/)?nvidia\/(?:pytorch|tensorflow|jax|tritonserver|nemo)$/.test(repo) || repo.startsWith('nvcr.io/nvidia/')) {
    if (/^\d{2}\.\d{2}/.test(tag)) out.push(['imageFlavour', 'ngc']);
    // The month's CUDA, where NVIDIA's release notes were checked (ngc-pytorch-cuda.ts).
    const cuda = /(?:^|\/)nvidia\/pytorch$/.test(repo) ? ngcPytorchCuda(tag) : null;
    if (cuda !== null) out.push(['cuda', cuda]);
    return out;
  }
  if (/(?:^|\/)pytorch\/pytorch$/.test(repo)) {
    // `2.3.0-cuda12.1-cudnn8-devel`, `2.5.1-cuda12.4-cudnn9-runtime`
    const m = /^(?<torch>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)-cuda(?<cuda>\d{1,2}\.\d{1,2})-cudnn(?<cudnn>\d{1,2})-(?<flavour>runtime|devel)$/.exec(tag);
    if (m?.groups) {
      out.push(['torch', m.groups.torch!], ['cuda', m.groups.cuda!], ['cudnn', m.groups.cudnn!], ['imageFlavour', m.groups.flavour!]);
      out.push(['torchCuda', `cu${m.groups.cuda!.replace('.', '')}`]);
    }
    return out;
  }
  const name = repo.replace(/^library\//, '');
  if (name === 'python') {
    // `3.11-slim-bookworm`, `3.10`
    const py = /^3\.(\d{1,2})/.exec(tag);
    if (py) out.push(['python', `3.${py[1]}`]);
    for (const part of parts.slice(1)) {
      const os = osOfTagPart(part);
      if (os !== null) out.push(['os', os]);
    }
    return out;
  }
  if (name === 'ubuntu' && /^\d{2}\.\d{2}$/.test(tag)) return [['os', `Ubuntu ${tag}`]];
  // images built on the python image name its Python in their tags: `tiangolo/meinheld-gunicorn-flask:python3.6`,
  // `tiangolo/uvicorn-gunicorn-fastapi:python3.11-slim`
  const tagPython = parts.map((part) => /^python([23])\.(\d{1,2})$/.exec(part)).find((m) => m !== null);
  if (tagPython) out.push(['python', `${tagPython[1]}.${tagPython[2]}`]);
  if (name === 'debian') {
    const release = /^(\d{1,2})(?:[.-]|$)/.exec(tag)?.[1];
    const os = release !== undefined ? `Debian ${release}` : osOfTagPart(parts[0] ?? '');
    return os !== null ? [['os', os]] : [];
  }
  return out;
}

/**
 * The Debian release an official python image's tag follows when it names none (`python:3.13-slim`, `python:3.12`,
 * `python:latest`): such a tag is an alias of the image's default suite, a moving target, so this is what it names
 * today and since when, never a fact of an older build. The default moved from bookworm to trixie with
 * docker-library/python#1042 (commit 093598a0 "Add Debian Trixie (and remove Bullseye)", committed 2025-08-08 and
 * merged 2025-08-11): versions.sh lists `trixie` before `bookworm`, and generate-stackbrew-library.sh gives the first
 * Debian variant the suite-less aliases (`slim-trixie` -> `slim`). That commit built trixie for 3.9 to 3.13 (3.14 came
 * out on trixie); 3.8 and older were gone before it (069d5b03 "Drop eol 3.8", 2024-10), so their tags stayed on bookworm
 * and are not mapped here.
 */
export interface FollowedSuite {
  /** `Debian 13 (trixie)` */
  release: string;
  /** The Debian major, for a comparison with a package's first release without it. */
  debianMajor: number;
  /** `11 August 2025` */
  since: string;
  /** `docker-library/python#1042` */
  source: string;
}

export function followedDebianSuite(image: string | null): FollowedSuite | null {
  if (image === null) return null;
  const m = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?python:(?<tag>[\w.-]{1,100})$/.exec(image);
  const tag = m?.groups?.tag;
  if (tag === undefined) return null;
  // `3.13-slim`, `3-slim`, `slim`, `latest`: no suite, no alpine / windows variant. Not a patch tag (`3.12.0-slim`): it
  // stops being rebuilt when the next patch release comes out, so one older than the switch stayed on bookworm.
  const t = /^(?:(?:3(?:\.(?<minor>\d{1,2}))?|latest)(?:-slim)?|slim)$/.exec(tag);
  if (!t) return null;
  const minor = t.groups?.minor;
  if (minor !== undefined && Number(minor) < 9) return null;
  return { release: 'Debian 13 (trixie)', debianMajor: 13, since: '11 August 2025', source: 'docker-library/python#1042' };
}
