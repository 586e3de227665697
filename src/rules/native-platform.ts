// Which platform the builder runs natively, told from the build itself. BuildKit prints platforms
// (`[linux/arm64 builder 3/7]`) only in multi-platform builds; there, the same instruction runs once
// per platform, and the emulated copy is the slow one (QEMU is about ten times slower). With no such
// pairs to compare, the runner is assumed to be linux/amd64 (GitHub's standard hosted runners).
// Only finished copies compare: a copy canceled or failed part-way ran for less time than it needed.
import type { Step } from '../model/types.js';

export const defaultNativePlatform = 'linux/amd64';

/** `linux/arm64/v8` → `linux/arm64`: variants do not change whether a step is emulated. */
export function platformArch(platform: string): string {
  return platform.split('/').slice(0, 2).join('/');
}

export function nativePlatform(steps: readonly Step[]): string {
  const byInstruction = new Map<string, Map<string, number>>();
  for (const s of steps) {
    if (!s.platform || s.status !== 'done' || s.seconds === null || s.internal) continue;
    const key = `${s.stage ?? ''}\u0000${s.index ?? ''}\u0000${s.instruction}`;
    let perPlatform = byInstruction.get(key);
    if (!perPlatform) byInstruction.set(key, (perPlatform = new Map()));
    const arch = platformArch(s.platform);
    perPlatform.set(arch, (perPlatform.get(arch) ?? 0) + s.seconds);
  }
  const totals = new Map<string, number>();
  for (const perPlatform of byInstruction.values()) {
    if (perPlatform.size < 2) continue;
    for (const [arch, seconds] of perPlatform) totals.set(arch, (totals.get(arch) ?? 0) + seconds);
  }
  let best: string | null = null;
  for (const [arch, seconds] of totals) if (best === null || seconds < totals.get(best)!) best = arch;
  return best ?? defaultNativePlatform;
}
