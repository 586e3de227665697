import { describe, expect, it } from 'vitest';
import { renderGithubCommands, type GithubCommandOptions } from '../../src/report/github-commands.js';
import type { Finding } from '../../src/rules/finding.js';
import { finding } from './helpers.js';

/** The one command a single finding becomes. */
function findingCommand(one: Finding, options: GithubCommandOptions = {}): string {
  const out = renderGithubCommands([one], options);
  expect(out.endsWith('\n') && out.split('\n')).toHaveLength(2);
  return out.trimEnd();
}

describe('--format github', () => {
  it('writes one annotation per finding on the first line of its range', () => {
    const out = renderGithubCommands([finding(), finding({ severity: 'notice', ruleId: 'buildkit/log-clipped', title: 'Log clipped', location: null, evidence: [], fix: '' })]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=docker/cuda.Dockerfile,line=14,title=nvcc does not support the GPU architecture compute_35 (cuda/unsupported-arch)::' +
        "CUDA 12.4 dropped compute_35.%0A%0A> nvcc fatal   : Unsupported gpu architecture 'compute_35'%0A%0AFix: Set `TORCH_CUDA_ARCH_LIST=\"7.5;8.0;8.6;9.0\"`.",
    );
    // No line known: an annotation on the job, without file or line.
    expect(lines[1]).toBe('::notice title=Log clipped (buildkit/log-clipped)::CUDA 12.4 dropped compute_35.');
  });

  it('escapes as @actions/core does, so a log line cannot end the command or start another', () => {
    const hostile = finding({
      title: 'a: b, c%',
      message: 'line one\r\n::set-output name=x::y\n::add-mask::secret',
      evidence: ['::error file=x::injected 100%'],
      location: { file: 'dir,with:odd/Dockerfile', line: 3, endLine: 3 },
    });
    const command = findingCommand(hostile);
    expect(command.split('\n')).toHaveLength(1);
    expect(command).toContain('file=dir%2Cwith%3Aodd/Dockerfile,line=3,title=a%3A b%2C c%25 (cuda/unsupported-arch)::');
    expect(command).toContain('line one%0D%0A::set-output name=x::y%0A::add-mask::secret');
    expect(command).toContain('> ::error file=x::injected 100%25');
  });

  it('annotates only a Dockerfile: a workflow file or .env named by the log gets a job annotation', () => {
    for (const file of ['.github/workflows/ci.yml', '.env']) {
      const command = findingCommand(finding({ location: { file, line: 1, endLine: 1 } }));
      expect(command).not.toContain('file=');
      expect(command).toMatch(/^::error title=/);
    }
    // The Dockerfile given with --dockerfile is annotated whatever its name.
    expect(findingCommand(finding({ location: { file: 'build/recipe', line: 2, endLine: 2 } }), { dockerfile: 'build/recipe' })).toContain('file=build/recipe,line=2');
  });

  it('removes bidi and zero-width characters', () => {
    const command = findingCommand(finding({ title: 'a\u202eb', message: 'c\u200bd\u2066e', evidence: ['f\ufeffg'] }));
    expect(command).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(command).toContain('title=ab (');
    expect(command).toContain('::cde');
  });

  it('keeps to the limits the action keeps to: 9 annotations of a level, then one notice that counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => finding({ location: { file: 'Dockerfile', line: i + 1, endLine: i + 1 } }));
    const lines = renderGithubCommands(many).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(9);
    expect(lines.at(-1)).toBe('::notice title=buildkit-doctor::3 more findings not annotated (GitHub shows 10 annotations of each level per step): run with --format text or json to read them all.');
  });

  it('gives paths relative to GITHUB_WORKSPACE, and a job annotation for a file outside it', () => {
    const inside = finding({ location: { file: '/runner/work/app/docker/Dockerfile', line: 4, endLine: 4 } });
    expect(findingCommand(inside, { workspace: '/runner/work/app' })).toMatch(/^::error file=docker\/Dockerfile,line=4,title=/);
    const outside = finding({ location: { file: '/tmp/Dockerfile', line: 4, endLine: 4 } });
    expect(findingCommand(outside, { workspace: '/runner/work/app' })).toMatch(/^::error title=/);
  });

  it('draws the same finding of several logs once', () => {
    expect(renderGithubCommands([finding(), finding()]).trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints nothing for a build with no findings', () => {
    expect(renderGithubCommands([])).toBe('');
  });
});
