import { describe, expect, it } from 'vitest';
import { pathToUri, renderSarif, ruleName } from '../../src/report/sarif.js';
import { analysis, finding, sarifValidator, step } from './helpers.js';

const validate = sarifValidator();

describe('SARIF 2.1.0', () => {
  it('the validator itself rejects a log that breaks the schema', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).not.toEqual([]);
    expect(validate({ version: '2.0.0', runs: [] })).not.toEqual([]);
  });

  it('is valid for findings with and without a Dockerfile line, of every severity', () => {
    const log = renderSarif([
      analysis([
        finding(),
        finding({ ruleId: 'pip/resolver-backtracking', severity: 'warning', title: 'pip backtracked', location: null, step: null, docs: undefined }),
        finding({ ruleId: 'buildkit/log-clipped', severity: 'notice', title: 'Log clipped', fix: '', evidence: [] }),
      ]),
    ]);
    expect(validate(log)).toEqual([]);
  });

  it('a location on a file that is not a Dockerfile (a workflow, .env) is not an alert there', () => {
    const log = renderSarif([analysis([finding({ location: { file: '.github/workflows/ci.yml', line: 1, endLine: 1 } })])], { dockerfile: 'docker/cuda.Dockerfile' });
    const [result] = log.runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docker/cuda.Dockerfile');
    expect(result!.properties.locationKnown).toBe(false);
  });

  it('describes each rule once, from its findings, with help text and a default level', () => {
    const log = renderSarif([analysis([finding(), finding({ step: 8 }), finding({ ruleId: 'buildkit/log-clipped', severity: 'notice', title: 'Log clipped' })])]);
    const { rules } = log.runs[0]!.tool.driver;
    expect(rules.map((r) => [r.id, r.name, r.defaultConfiguration.level])).toEqual([
      ['cuda/unsupported-arch', 'CudaUnsupportedArch', 'error'],
      ['buildkit/log-clipped', 'BuildkitLogClipped', 'note'],
    ]);
    expect(rules[0]).toMatchObject({
      shortDescription: { text: 'nvcc does not support the GPU architecture compute_35' },
      help: { text: 'Set `TORCH_CUDA_ARCH_LIST="7.5;8.0;8.6;9.0"`.' },
      helpUri: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/',
    });
    expect(log.runs[0]!.results.map((r) => r.ruleIndex)).toEqual([0, 0, 1]);
  });

  it('puts a result on its Dockerfile lines, workspace-relative', () => {
    const [result] = renderSarif([analysis([finding()])]).runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'docker/cuda.Dockerfile' }, region: { startLine: 14, endLine: 16 } });
    expect(result!.level).toBe('error');
    expect(result!.properties.locationKnown).toBe(true);
  });

  it('pins a finding with no known line to line 1 of the Dockerfile, and says so', () => {
    const loose = finding({ location: null });
    const given = renderSarif([analysis([loose])], { dockerfile: 'Dockerfile.gpu' }).runs[0]!.results[0]!;
    expect(given.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'Dockerfile.gpu' }, region: { startLine: 1, endLine: 1 } });
    expect(given.properties.locationKnown).toBe(false);
    expect(given.message.text).toMatch(/No Dockerfile line is known/);
    // Without --dockerfile: the file another finding of the same log names, else `Dockerfile`.
    const sibling = renderSarif([analysis([finding(), loose])]).runs[0]!.results[1]!;
    expect(sibling.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docker/cuda.Dockerfile');
    const alone = renderSarif([analysis([loose])]).runs[0]!.results[0]!;
    expect(alone.locations[0]!.physicalLocation.artifactLocation.uri).toBe('Dockerfile');
  });

  it('fingerprints what the problem is, not where the line moved to or when it ran', () => {
    const print = (f = finding()) => renderSarif([analysis([f])]).runs[0]!.results[0]!.partialFingerprints['buildkitDoctor/v1'];
    expect(print(finding({ location: { file: 'docker/cuda.Dockerfile', line: 40, endLine: 41 }, evidence: ['other timing'] }))).toBe(print());
    expect(print(finding({ ruleId: 'cuda/other' }))).not.toBe(print());
    expect(print()).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it('merges several logs into one run, keeping the same problem in two logs apart', () => {
    const a = analysis([finding()]);
    const b = analysis([finding()], [step(7, 'RUN nvcc -arch=sm_35 kernel.cu', { status: 'error' })]);
    const log = renderSarif([a, b]);
    expect(log.runs).toHaveLength(1);
    const prints = log.runs[0]!.results.map((r) => r.partialFingerprints['buildkitDoctor/v1']);
    expect(prints[0]).not.toBe(prints[1]);
    expect(validate(log)).toEqual([]);
  });

  it('is valid and empty for a clean build', () => {
    const log = renderSarif([analysis([], [step(1, 'RUN true')])]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(validate(log)).toEqual([]);
  });

  it('writes names and paths as SARIF wants them', () => {
    expect(ruleName('cmake/cupti-library-notfound')).toBe('CmakeCuptiLibraryNotfound');
    expect(pathToUri('./docker/my file#1.Dockerfile')).toBe('docker/my%20file%231.Dockerfile');
  });
});
