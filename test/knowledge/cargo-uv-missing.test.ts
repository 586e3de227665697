// Whether a step that calls `~/.cargo/bin/uv` failed because that path is not there. The lines are real: tenstorrent/tt-metal#35895
// (`/bin/sh: 1: uv: not found`, exit 127, uv installed in another stage), astral-sh/uv#11150 (exit code 2: uv ran, `uv env` is no
// subcommand), and `/root/.cargo/bin/uv: not found` with exit code 127 as projects' build notes quote it after uv 0.5.0.
import { describe, expect, test } from 'vitest';
import { cargoUvMissingEnrich } from '../../src/knowledge/cargo-uv-missing.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { makeModel, makeStep } from '../support/builders.js';

const facts = {} as FactView;

function missing(tail: string[], exitCode: number | null): string {
  const step = makeStep({ status: 'error', instruction: 'RUN /root/.cargo/bin/uv venv --seed', tail, exitCode });
  return cargoUvMissingEnrich({}, step, makeModel({ steps: [step] }), facts).cargoUvMissing!;
}

describe('cargo-uv-missing', () => {
  test('the shell names the .cargo/bin path as not found', () => {
    expect(missing(['/bin/sh: 1: /root/.cargo/bin/uv: not found'], 127)).toBe('yes');
  });

  test('only the step header survives (no output, no exit code): the path is the suspect', () => {
    expect(missing([], null)).toBe('yes');
  });

  test('another command is the one not found', () => {
    expect(missing(['/bin/sh: 1: uv: not found'], 127)).toBe('');
  });

  test('uv ran and failed (exit code 2)', () => {
    expect(missing([], 2)).toBe('');
  });
});
