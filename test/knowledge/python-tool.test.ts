// A missing uv or Poetry gets its documented install, and the stage story the log shows: another stage installed it,
// or this stage is built FROM another stage.
import { describe, expect, test } from 'vitest';
import { pythonToolEnrich } from '../../src/knowledge/python-tool-enricher.js';
import { homeInstallPath, pythonTool } from '../../src/knowledge/python-tools.js';
import type { Step } from '../../src/model/types.js';
import { makeModel, makeStep } from '../support/builders.js';
import type { FactView } from '../../src/facts/fact-view.js';

// Instructions as real Dockerfiles write them: uv copied from its image (huggingface uv-scripts/training's Dockerfile,
// found with the docs search), `uv venv $PYTHON_ENV_DIR` (tenstorrent/tt-metal#35895).
const COPY_UV = 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/';

function step(id: number, stage: string, index: number, instruction: string): Step {
  return makeStep({ id, stage, index, total: 5, instruction });
}

const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: 'image-build', githubHosted: false };

describe('pythonTool', () => {
  test('uv, uvx and poetry have documented installs; packaged tools do not', () => {
    expect(pythonTool('uv')?.dockerfile[1]).toBe(COPY_UV);
    expect(pythonTool('/usr/local/bin/uvx')?.command).toBe('uv');
    expect(pythonTool('poetry')?.dockerfile.join('\n')).toContain('https://install.python-poetry.org | python3 -');
    expect(pythonTool('cmake')).toBeNull();
  });
});

describe('pythonToolEnrich', () => {
  test('a stage whose first step is a RUN is built FROM another stage', () => {
    const failing = step(10, 'release', 1, 'RUN uv venv /opt/venv');
    const out = pythonToolEnrich({ command: 'uv' }, failing, makeModel({ steps: [failing] }), facts);
    expect(out.pyToolFromStage).toBe('yes');
    expect(out.pyToolStage).toBe('release');
    expect(out.pyToolOtherStage).toBeUndefined();
  });

  test('a stage that starts FROM an image is not', () => {
    const from = step(1, 'app', 1, 'FROM docker.io/library/python:3.11-slim');
    const failing = step(2, 'app', 2, 'RUN uv venv /opt/venv');
    expect(pythonToolEnrich({ command: 'uv' }, failing, makeModel({ steps: [from, failing] }), facts).pyToolFromStage).toBeUndefined();
  });

  test('an earlier step of another stage that installed it is named', () => {
    const builder = step(3, 'builder', 2, COPY_UV);
    const failing = step(7, 'release', 1, 'RUN uv venv /opt/venv');
    const out = pythonToolEnrich({ command: 'uv' }, failing, makeModel({ steps: [builder, failing] }), facts);
    expect(out.pyToolOtherStage).toBe('[builder 2/5]');
    const sameStage = step(6, 'release', 1, COPY_UV);
    expect(pythonToolEnrich({ command: 'uv' }, failing, makeModel({ steps: [sameStage, failing] }), facts).pyToolOtherStage).toBeUndefined();
  });

  test('another command gets nothing', () => {
    const failing = step(2, 'app', 2, 'RUN cmake ..');
    expect(pythonToolEnrich({ command: 'cmake' }, failing, makeModel({ steps: [failing] }), facts)).toEqual({});
  });
});

describe('homeInstallPath', () => {
  test('the tool called by its full path under a home, where its installer puts it', () => {
    // fletchgqc/agentbox#2: `/bin/sh: 1: /home/claude/.local/bin/uv: not found`
    const uv = pythonTool('uv')!;
    expect(homeInstallPath('/home/claude/.local/bin/uv', uv)).toEqual({ home: '/home/claude', dir: '/home/claude/.local/bin' });
    // Breadcord/Breadcord#302: `RUN /root/.cargo/bin/uv venv --seed` (the installer's place before uv 0.5.0)
    expect(homeInstallPath('/root/.cargo/bin/uv', uv)).toEqual({ home: '/root', dir: '/root/.cargo/bin' });
  });

  test('a bare name, or a path outside a home, is not', () => {
    const uv = pythonTool('uv')!;
    expect(homeInstallPath('uv', uv)).toBeNull();
    expect(homeInstallPath('/usr/local/bin/uvx', uv)).toBeNull();
  });

  test('the enricher gives the home and its directory', () => {
    const failing = step(12, 'stage-0', 12, 'RUN /home/claude/.local/bin/uv tool install black');
    const out = pythonToolEnrich({ command: '/home/claude/.local/bin/uv' }, failing, makeModel({ steps: [failing] }), facts);
    expect(out.pyToolHome).toBe('/home/claude');
    expect(out.pyToolHomeBin).toBe('/home/claude/.local/bin');
    expect(pythonToolEnrich({ command: 'uv' }, failing, makeModel({ steps: [failing] }), facts).pyToolHomeBin).toBeUndefined();
  });
});
