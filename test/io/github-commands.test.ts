import { describe, expect, it } from 'vitest';
import { findingCommand, renderGithubCommands } from '../../src/report/github-commands.js';
import { analysis, finding } from './helpers.js';

describe('--format github', () => {
  it('writes one annotation per finding on the first line of its range', () => {
    const out = renderGithubCommands(analysis([finding(), finding({ severity: 'notice', ruleId: 'buildkit/log-clipped', title: 'Log clipped', location: null, evidence: [], fix: '' })]));
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

  it('prints nothing for a build with no findings', () => {
    expect(renderGithubCommands(analysis([]))).toBe('');
  });
});
