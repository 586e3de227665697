// Puts every finding on its Dockerfile line. STUB: to be replaced.
import type { BuildModel, Finding } from '../model/types.js';
import type { Dockerfile } from './dockerfile.js';

export function locateFindings(findings: Finding[], _model: BuildModel, _dockerfile: Dockerfile | null): Finding[] {
  return findings;
}
