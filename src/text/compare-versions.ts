// The order of two dotted release numbers (`12.4.1`, `19.3`, `20.04`), patch levels included.

/**
 * Negative, zero or positive as `a` is older than, the same as, or newer than `b`. A missing part
 * counts as 0 (`12.4` = `12.4.0`), so a patch release sorts after its minor (`12.4.1` > `12.4`).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
