// runtime/shared-library-missing on libGL.so.1: the package the traceback imports decides the advice. OpenCV (cv2) gets
// its GLib and headless-wheel notes; another package (vtk) gets libGL alone, and, run from a conda environment, the
// conda-forge route that needs no root.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/runtime/shared-library-missing/${name}`, import.meta.url), 'utf8');

describe('runtime/shared-library-missing: libGL by importer', () => {
  test('UMass-Embodied-AGI/Virtual-Community#5: vtk in the conda env vico, no root: conda-forge libgl, no OpenCV advice', async () => {
    const f = await findingOf('runtime/shared-library-missing', read('match-libgl-vtk-conda-env-vico.log'));
    expect(f.title).toBe('OpenGL library (libGL) not found');
    expect(f.message).toContain('imported `vtk`');
    expect(f.message).toContain('conda environment `vico`');
    expect(f.fix).toContain('conda install -n vico -c conda-forge libgl');
    expect(f.fix).toContain('libgl1');
    expect(`${f.title} ${f.message} ${f.fix}`).not.toMatch(/opencv|OpenCV/);
  });

  test('khoj-ai/khoj#842: rapidocr imports cv2: still the OpenCV advice', async () => {
    const f = await findingOf('runtime/shared-library-missing', read('match-libgl-rapidocr-compose-run.log'));
    expect(f.title).toBe('OpenGL / GLib library not found (OpenCV)');
    expect(f.fix).toContain('opencv-python-headless');
  });
});
