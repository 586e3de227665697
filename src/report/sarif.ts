// SARIF 2.1.0. STUB: to be replaced.
import type { Analysis } from '../analyze.js';

export function renderSarif(_analyses: Analysis[]): object {
  return { version: '2.1.0', runs: [] };
}
