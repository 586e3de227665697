// The `apt-dropped` enricher: for a package a newer Debian / Ubuntu release no longer has
// (knowledge/apt-dropped-packages.ts), what replaces it, whether the release the log shows is one without it,
// and the base image pinned to Debian 12 where that is a tag of the same image.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { bookwormTagOf, droppedPackage, releaseLacks } from './apt-dropped-packages.js';
import { followedDebianSuite } from '../facts/image-facts.js';

export function aptDroppedEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const name = captures['context.dropped.name'];
  const pkg = name === undefined ? null : droppedPackage(name);
  if (pkg === null) return {};
  const os = facts.value('os');
  const lacks = releaseLacks(pkg, os);
  // The log shows a release that still has it (Ubuntu 22.04 and libgl1-mesa-glx): another story, not this one.
  if (lacks === false) return {};
  const base = facts.value('baseImage');
  const pinned = bookwormTagOf(base);
  // A suite-less official tag (`python:3.13-slim`) names the image's current default: say which release that is and
  // since when, instead of "the log does not show this base's release" (a moving tag: not certain for an old build).
  const followed = os === null ? followedDebianSuite(base) : null;
  const movedNote =
    followed !== null && base !== null && followed.debianMajor >= pkg.debianMajor
      ? `This build's base, ${base}, names no Debian release: it follows the image's default, which is ${followed.release} since ` +
        `${followed.since} (${followed.source}), a release without it. Builds from before then ran on Debian 12 or older.`
      : pkg.movedNote;
  // Going back to Debian 12 is advice for a Debian base, or one whose release the log does not show.
  // (Debian 12 must still have it: a package Debian 11 already dropped has no such way back.)
  const debianOrUnknown = pkg.debianMajor > 12 && (os === null || os.startsWith('Debian'));
  return {
    droppedName: pkg.name,
    droppedFrom: pkg.goneFrom,
    droppedPurpose: pkg.purpose,
    droppedMovedNote: movedNote,
    droppedPinExample: pkg.pinExample,
    ...(pkg.removeNote !== '' ? { droppedRemoveNote: pkg.removeNote } : {}),
    // `Debian 13` when the log shows a release without it; the variant then says so without a hedge.
    ...(lacks === true && os !== null ? { droppedRelease: os } : {}),
    ...(pkg.replacement.length > 0 ? { droppedReplacement: pkg.replacement.join(' '), droppedReplacementNote: pkg.replacementNote } : {}),
    ...(pinned !== null && debianOrUnknown ? { droppedPinnedImage: pinned } : {}),
    ...(debianOrUnknown ? { droppedDebianPin: 'yes' } : {}),
  };
}
