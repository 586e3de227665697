// The apt-eol-step enricher: a failed apt step on a release moved off its distribution's mirrors, the log cut before
// apt's error. It names the release only when the step's output does not show that mirror still serving it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { aptEolStepEnrich } from '../../src/knowledge/apt-eol-step-enricher.js';
import type { BuildModel } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { makeStep } from '../support/builders.js';
import { analyzeLog } from '../rules/support/analyze-log.js';

const model = { format: 'buildkit-plain', steps: [] } as unknown as BuildModel;
const osFacts = (os: string | null): FactView => ({ get: () => null, value: (n) => (n === 'os' ? os : null), conflicts: () => [], place: 'image-build', githubHosted: false });
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** The output lines of a stored log less BuildKit's `#4 33.05 ` frame. */
const outputOf = (text: string): string[] => text.split('\n').filter((l) => /^#\d+ \d/.test(l)).map((l) => l.replace(/^#\d+ [\d.]+ /, ''));

describe('the apt-eol-step enricher', () => {
  test('Debian 10 and an apt step: the release, the archive, the check', () => {
    const out = aptEolStepEnrich({}, makeStep({ instruction: 'RUN apt update' }), model, osFacts('Debian 10'));
    expect(out.eolRelease).toBe('Debian 10 (buster)');
    expect(out.eolCodename).toBe('buster');
    expect(out.eolMirror).toBe('http://deb.debian.org/debian');
    expect(out.archiveCommand).toContain("s|deb.debian.org|archive.debian.org|g");
  });

  test('a step that runs no apt, or a supported release: nothing', () => {
    expect(aptEolStepEnrich({}, makeStep({ instruction: 'RUN pip install -r requirements.txt' }), model, osFacts('Debian 10'))).toEqual({});
    expect(aptEolStepEnrich({}, makeStep({ instruction: 'RUN apt-get update' }), model, osFacts('Debian 12'))).toEqual({});
  });

  test("Debian's mirror still serving buster in the step (Tecnativa/doodba#623): not the move, nothing", () => {
    const tail = outputOf(fixture('rules/apt/fetch-failed/match-pgdg-dropped-buster-doodba.log'));
    expect(tail.some((l) => l.startsWith('Get:1 http://deb.debian.org/debian buster InRelease'))).toBe(true);
    expect(aptEolStepEnrich({}, makeStep({ instruction: 'RUN apt-get update', tail }), model, osFacts('Debian 10'))).toEqual({});
  });

  test('the cut PCredz log: the fallback names the move and how to confirm it', async () => {
    const f = (await analyzeLog(fixture('rules/buildkit/step-failed/match-eol-buster-apt-update-cut-pcredz.log'))).find((x) => x.ruleId === 'buildkit/step-failed');
    expect(f?.title).toBe('apt on a Debian release moved to archive.debian.org (error cut off)');
    expect(f?.message).toContain('Debian 10 (buster)');
    expect(f?.fix).toContain('curl -sI http://deb.debian.org/debian/dists/buster/Release | head -n 1');
    expect(f?.fix).toContain("RUN sed -i -e 's|deb.debian.org|archive.debian.org|g'");
  });
});
