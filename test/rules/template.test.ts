import { describe, expect, test } from 'vitest';
import { captureNamesOf, placeholdersOf, renderTemplate, safeValue } from '../../src/rules/template.js';

describe('templates', () => {
  test('finds placeholders with modifiers and fallbacks, not shell variables or escaped braces', () => {
    const t = 'Run {command} ({count}) {pkg:all} {pkg:counts} {context.cupti.dir} {stage|the stage} ${HOME} {{literal}} {pkg:words} {context.req.spec:sh|x}';
    expect(placeholdersOf(t).map((p) => [p.name, p.modifier, p.fallback])).toEqual([
      ['command', null, null],
      ['count', null, null],
      ['pkg', 'all', null],
      ['pkg', 'counts', null],
      ['context.cupti.dir', null, null],
      ['stage', null, 'the stage'],
      ['pkg', 'words', null],
      ['context.req.spec', 'sh', 'x'],
    ]);
  });

  test('renders values, fallbacks, literal braces and leaves ${VAR} alone', () => {
    const values: Record<string, string> = { variable: 'CUDA_HOME', stage: '' };
    const out = renderTemplate('use ${{{variable}:-}} in {stage|the stage}, ${TARGETARCH}, {missing}!', (p) => values[p.name]);
    expect(out).toBe('use ${CUDA_HOME:-} in the stage, ${TARGETARCH}, !');
  });

  test('a code span keeps its backticks around a value or a code-like fallback, and drops them around a prose fallback', () => {
    const values: Record<string, string> = { image: 'nvidia/cuda:12.4.1-devel-ubuntu22.04' };
    const render = (t: string) => renderTemplate(t, (p) => values[p.name]);
    expect(render('pull `{image|the base image}`')).toBe('pull `nvidia/cuda:12.4.1-devel-ubuntu22.04`');
    expect(render('pull `{missing|the base image}` first')).toBe('pull the base image first');
    expect(render('run `{missing|pip install --dry-run -r requirements.txt}`')).toBe('run `pip install --dry-run -r requirements.txt`');
    expect(render('set `{missing|CUDA_HOME}`, read `{missing|nginx.org/packages}`')).toBe('set `CUDA_HOME`, read `nginx.org/packages`');
    expect(render('a span `{missing}` with no fallback')).toBe('a span `` with no fallback');
  });

  test('a log-derived value cannot close a code span or span lines; `<` is kept for the reporters to escape', () => {
    expect(safeValue('a`b<img src=x>\r\nc')).toBe("a'b<img src=x> c");
    expect(safeValue('x'.repeat(500)).length).toBe(200);
  });

  test('capture names come from named groups', () => {
    expect(captureNamesOf("'(?<program>[\\w.]+)' died|(?<code>\\d+)(?:x)(?=y)")).toEqual(['program', 'code']);
  });
});
