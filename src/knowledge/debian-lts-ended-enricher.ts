// The `debian-lts-ended` enricher: for an expired Release file of a Debian suite (`bullseye-security`) whose release's LTS
// has ended (eol-releases.ts ltsEndedDebian), the release, the date its support ended, the supported releases to move to,
// and, when the log's base image carries the codename in its tag (`python:3.11-bullseye`), the same image on the newest
// supported release that the tag can name. Every key is absent when its input is not in the log.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { ltsEndedDebian, releaseName, supportedDebian } from './eol-releases.js';

/** `bullseye-security`, `bullseye-updates`, `bullseye` → `bullseye`. */
const SUITE_SUFFIX = /-(?:security|updates|proposed-updates|backports(?:-sloppy)?)$/;

export function debianLtsEndedEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const suite = captures['context.debianRelease.suite'];
  if (suite === undefined) return {};
  const codename = suite.replace(SUITE_SUFFIX, '');
  const ended = ltsEndedDebian[codename];
  if (ended === undefined) return {};
  const out: Record<string, string> = {
    ltsRelease: releaseName(codename),
    ltsEnded: ended.ended,
    ltsMoveTo: supportedDebian.map((c) => `${releaseName(c)}`).join(' or '),
  };
  const base = facts.value('baseImage');
  if (base !== null && base.includes(`-${codename}`)) {
    // an official image's variant tag (`python:3.11-slim-bullseye`): bookworm is the newest release every such image still tags
    out.ltsBaseNote = ` (here \`FROM ${base.replace(`-${codename}`, '-bookworm')}\` in place of \`${base}\`)`;
  }
  return out;
}
