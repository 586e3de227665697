// The first pip release that understands each family of manylinux platform tags. An older pip does not know the
// tag at all and refuses such a wheel by name (`… is not a supported wheel on this platform`) whatever the
// system's glibc, and on an index it skips the file and falls back to the source distribution.
//
// Source: pip's own changelog (NEWS.rst, read here from Debian's python3-pip, /usr/share/doc/python3-pip/changelog.gz):
// - 19.0 (2019-01-22): "Implement manylinux2010 platform tag support" (PEP 571);
// - 19.3 (2019-10-14): "Implement manylinux2014 platform tag support" (PEP 599);
// - 20.3 (2020-11-30): "Add support for PEP 600: Future 'manylinux' Platform Tags" (pypa/pip#9077), the
//   `manylinux_<glibc major>_<glibc minor>_<arch>` form (manylinux_2_28 and every later tag); not in 20.3b1.
// A `manylinux_2_28` wheel also needs glibc 2.28 or newer (PEP 600: the tag names the glibc it was built against).
import { compareVersions } from '../text/compare-versions.js';

export interface TagSupport {
  /** The tag family as written in a wheel name. */
  family: string;
  /** The first pip release that installs it. */
  firstPip: string;
}

/** `manylinux_2_28_x86_64` → its family and the first pip that knows it; null for a tag every pip knows or none here. */
export function tagSupport(platTag: string): TagSupport | null {
  if (/^manylinux_\d+_\d+_/.test(platTag)) return { family: 'manylinux_x_y (PEP 600)', firstPip: '20.3' };
  if (platTag.startsWith('manylinux2014_')) return { family: 'manylinux2014 (PEP 599)', firstPip: '19.3' };
  if (platTag.startsWith('manylinux2010_')) return { family: 'manylinux2010 (PEP 571)', firstPip: '19.0' };
  return null;
}

/** `manylinux_2_28_x86_64` → `2.28`, the glibc the wheel needs; null for other tags. */
export function glibcOfTag(platTag: string): string | null {
  const m = /^manylinux_(\d+)_(\d+)_/.exec(platTag);
  return m ? `${m[1]}.${m[2]}` : null;
}

/** Whether `pipVersion` (`19.3.1`) is older than the first pip that knows `platTag`'s family. */
export function pipTooOldFor(pipVersion: string, platTag: string): TagSupport | null {
  const support = tagSupport(platTag);
  if (support === null || !/^\d+\.\d+/.test(pipVersion)) return null;
  return compareVersions(pipVersion, support.firstPip) < 0 ? support : null;
}
