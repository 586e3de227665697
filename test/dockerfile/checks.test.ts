// One generic test over the static checks' fixtures: fixtures/dockerfiles/<check>/match*.Dockerfile
// must produce exactly the findings listed in their `# expect: <id> at <line>` comments, and
// no-match*.Dockerfile none of that check.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { runStaticChecks, staticCheckMeta, staticChecks } from '../../src/dockerfile/checks/index.js';
import { cudaVersionOfImage } from '../../src/dockerfile/checks/cuda-arch-unsupported.js';

const root = new URL('../../fixtures/dockerfiles/', import.meta.url);

interface Case {
  check: string;
  file: string;
  text: string;
  kind: 'match' | 'no-match';
}

const cases: Case[] = staticChecks.flatMap((check) => {
  const dir = check.id.replace(/^dockerfile\//, '');
  return readdirSync(new URL(`${dir}/`, root))
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((file) => ({
      check: check.id,
      file: `${dir}/${file}`,
      text: readFileSync(new URL(`${dir}/${file}`, root), 'utf8'),
      kind: file.startsWith('no-match') ? ('no-match' as const) : ('match' as const),
    }));
});

function expectations(text: string, id: string): number[] {
  return [...text.matchAll(/^# expect: (\S+) at (\d+)$/gm)].filter((m) => m[1] === id).map((m) => Number(m[2]));
}

describe('static checks catalog', () => {
  it('has unique dockerfile/ ids and both kinds of fixture for every check', () => {
    const ids = staticChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of staticChecks) {
      expect(check.id).toMatch(/^dockerfile\/[a-z0-9-]+$/);
      const kinds = new Set(cases.filter((c) => c.check === check.id).map((c) => c.kind));
      expect([...kinds].sort(), check.id).toEqual(['match', 'no-match']);
    }
  });

  it('exposes metadata for the docs table', () => {
    expect(staticCheckMeta.map((m) => m.id)).toEqual(staticChecks.map((c) => c.id));
    for (const meta of staticCheckMeta) expect(Object.keys(meta).sort()).toEqual(meta.docs === undefined ? ['id', 'severity', 'title'] : ['docs', 'id', 'severity', 'title']);
  });
});

describe.each(cases)('$check: $file', ({ check, file, text, kind }) => {
  const dockerfile = parseDockerfile(text, `fixtures/dockerfiles/${file}`);
  const findings = runStaticChecks(dockerfile, (id, error) => {
    throw new Error(`${id} threw: ${String(error)}`);
  }).filter((f) => f.ruleId === check);

  if (kind === 'match') {
    it('reports the expected lines', () => {
      const expected = expectations(text, check);
      expect(expected.length).toBeGreaterThan(0);
      expect(findings.map((f) => f.location?.line).sort((a, b) => a! - b!)).toEqual(expected);
    });
    it('fills every field of the finding', () => {
      for (const f of findings) {
        expect(f.location?.file).toBe(`fixtures/dockerfiles/${file}`);
        expect(f.step).toBeNull();
        expect(f.message.length).toBeGreaterThan(40);
        expect(f.fix.length).toBeGreaterThan(20);
        expect(f.evidence.length).toBeGreaterThan(0);
        expect(f.severity).toBe(staticChecks.find((c) => c.id === check)!.severity);
      }
    });
  } else {
    it('reports nothing', () => {
      expect(findings).toEqual([]);
    });
  }
});

describe('what the findings say', () => {
  const run = (text: string) => runStaticChecks(parseDockerfile(text, 'Dockerfile'));

  it('cuda-arch-unsupported names the nvcc error and the accepted range', () => {
    const [finding] = run('FROM nvidia/cuda:12.4.0-devel-ubuntu22.04\nENV TORCH_CUDA_ARCH_LIST="3.5;8.0"').filter((f) => f.ruleId === 'dockerfile/cuda-arch-unsupported');
    expect(finding!.message).toContain("nvcc fatal   : Unsupported gpu architecture 'compute_35'");
    expect(finding!.message).toContain('CUDA 12.4');
    expect(finding!.message).toContain('sm_50 … sm_90');
    // The example keeps what this Dockerfile asked for that CUDA 12.4 compiles (8.0, with PTX for newer GPUs),
    // never a list of arches the Dockerfile did not name, and never the rejected 3.5.
    expect(finding!.fix).toContain('ENV TORCH_CUDA_ARCH_LIST="8.0+PTX"');
    expect(finding!.fix).not.toMatch(/TORCH_CUDA_ARCH_LIST="[^"]*3\.5/);
  });

  it('cuda-arch-unsupported follows FROM <stage> to the CUDA image', () => {
    const findings = run('FROM nvidia/cuda:11.7.1-devel-ubuntu20.04 AS cuda\nFROM cuda AS kernels\nRUN nvcc -arch=sm_90 k.cu').filter((f) => f.ruleId === 'dockerfile/cuda-arch-unsupported');
    expect(findings.map((f) => f.location?.line)).toEqual([3]);
    expect(findings[0]!.message).toContain("'sm_90'");
  });

  it.each([
    ['nvidia/cuda:12.4.0-devel-ubuntu22.04', '12.4'],
    ['docker.io/nvidia/cuda:11.7.1-cudnn8-runtime-ubuntu20.04', '11.7'],
    ['pytorch/pytorch:2.3.0-cuda12.1-cudnn8-devel', '12.1'],
    ['python:3.11', null],
    ['nvidia/cuda', null],
  ])('reads the CUDA version of %s', (image, version) => {
    expect(cudaVersionOfImage(image)).toBe(version);
  });

  it('arg-not-in-stage: only the stage that uses a pre-FROM ARG without declaring it, and not a name its ENV sets', () => {
    const text = ['ARG TORCH=2.3.0', 'ARG CUDA=121', 'FROM python:3.11 AS a', 'RUN pip install torch==${TORCH}', 'FROM python:3.11 AS b', 'ARG TORCH', 'ENV CUDA=118', 'RUN pip install torch==${TORCH}+cu${CUDA}'].join('\n');
    const findings = run(text).filter((f) => f.ruleId === 'dockerfile/arg-not-in-stage');
    expect(findings.map((f) => f.location?.line)).toEqual([4]);
    expect(findings[0]!.message).toContain('`$TORCH` is declared with ARG before the first FROM');
    expect(findings[0]!.fix).toContain('```dockerfile\nARG TORCH\n```');
    // A FROM line is in the pre-FROM ARGs' scope.
    expect(run('ARG BASE=python:3.11\nFROM ${BASE}\nRUN true').filter((f) => f.ruleId === 'dockerfile/arg-not-in-stage')).toEqual([]);
  });

  it('pip-no-cache-defeats-cache-mount reports one ENV once, with the RUN as evidence', () => {
    const findings = run(
      'FROM python:3.11\nENV PIP_NO_CACHE_DIR=1\nRUN --mount=type=cache,target=/root/.cache/pip pip install a==1\nRUN --mount=type=cache,target=/root/.cache/pip pip install b==1',
    ).filter((f) => f.ruleId === 'dockerfile/pip-no-cache-defeats-cache-mount');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toEqual(['ENV PIP_NO_CACHE_DIR=1', 'RUN --mount=type=cache,target=/root/.cache/pip pip install a==1']);
  });

  it('pip-no-cache-defeats-cache-mount takes PIP_NO_CACHE_DIR=0 as the cache left on', () => {
    expect(run('FROM python:3.11\nENV PIP_NO_CACHE_DIR=0\nRUN --mount=type=cache,target=/root/.cache/pip pip install a==1').filter((f) => f.ruleId.includes('cache-mount'))).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', 'FROM', 'FROM \nRUN', 'RUN --mount= pip install', 'FROM nvidia/cuda:12.4.0-devel\nENV TORCH_CUDA_ARCH_LIST=', 'FROM a\nCOPY --from= x y']) {
      expect(() => run(text)).not.toThrow();
    }
  });
});
