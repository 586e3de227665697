// apt/deb-arch-mismatch on an amd64 .deb in an arm64 build: NVIDIA's packages keep the CUDA advice (x86_64 GPU hosts,
// NVIDIA's `sbsa` repositories); any other vendor's file gets its arm64 name chosen by BuildKit's TARGETARCH.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = '../../fixtures/rules/apt/deb-arch-mismatch/';
const read = (name: string): string => readFileSync(new URL(dir + name, import.meta.url), 'utf8');
const finding = (text: string) => findingOf('apt/deb-arch-mismatch', text);

describe('apt/deb-arch-mismatch: whose package', () => {
  test("quarto's amd64 .deb (microsoft/autogen#1778): the arm64 file by TARGETARCH, no NVIDIA text", async () => {
    const f = await finding(read('match-vendor-deb-quarto-autogen.log'));
    expect(f.fix).toContain('`quarto-1.4.549-linux-arm64.deb`');
    expect(f.fix).toContain('RUN dpkg -i "quarto-1.4.549-linux-${TARGETARCH}.deb"');
    expect(f.fix).toContain('ARG TARGETARCH');
    expect(f.fix).toContain('--platform linux/amd64');
    expect(f.fix).not.toContain('NVIDIA');
    expect(f.fix).not.toContain('sbsa');
  });

  test("NVIDIA's cuDNN .deb (jina-ai/dalle-flow#29): the CUDA advice stays", async () => {
    const f = await finding(read('match-amd64-deb-on-arm64.log'));
    expect(f.fix).toContain('sbsa');
    expect(f.fix).not.toContain('TARGETARCH');
  });
});
