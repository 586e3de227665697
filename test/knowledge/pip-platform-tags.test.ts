import { describe, expect, it } from 'vitest';
import { glibcOfTag, pipTooOldFor } from '../../src/knowledge/pip-platform-tags.js';

describe('pip releases that know a platform tag', () => {
  it('finds pip 19.3.1 too old for a manylinux_2_28 wheel (PEP 600 came with pip 20.3)', () => {
    expect(pipTooOldFor('19.3.1', 'manylinux_2_28_x86_64')?.firstPip).toBe('20.3');
    expect(pipTooOldFor('20.2.4', 'manylinux_2_17_aarch64')?.firstPip).toBe('20.3');
  });

  it('accepts pip 20.3 and newer for manylinux_x_y', () => {
    expect(pipTooOldFor('20.3', 'manylinux_2_28_x86_64')).toBeNull();
    expect(pipTooOldFor('23.1.2', 'manylinux_2_28_x86_64')).toBeNull();
  });

  it('dates manylinux2014 and manylinux2010 to pip 19.3 and 19.0', () => {
    expect(pipTooOldFor('19.2.3', 'manylinux2014_x86_64')?.firstPip).toBe('19.3');
    expect(pipTooOldFor('19.3.1', 'manylinux2014_x86_64')).toBeNull();
    expect(pipTooOldFor('18.1', 'manylinux2010_x86_64')?.firstPip).toBe('19.0');
  });

  it('claims nothing for a tag every pip knows, or a version it cannot read', () => {
    expect(pipTooOldFor('9.0.1', 'manylinux1_x86_64')).toBeNull();
    expect(pipTooOldFor('9.0.1', 'linux_aarch64')).toBeNull();
    expect(pipTooOldFor('unknown', 'manylinux_2_28_x86_64')).toBeNull();
  });

  it('reads the glibc a manylinux_x_y wheel needs', () => {
    expect(glibcOfTag('manylinux_2_28_x86_64')).toBe('2.28');
    expect(glibcOfTag('manylinux2014_x86_64')).toBeNull();
  });
});
