// What the reporters are given: the analysis of one log, everything the pipeline concluded from it.
// The reporters own this boundary; the pipeline (src/analyze.ts) produces it.
import type { BuildFacts } from '../facts/types.js';
import type { BuildModel } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import type { StageSources } from '../timeline/dependencies.js';

export interface Analysis {
  model: BuildModel;
  /** What the log proves about the build, each value with its evidence line. */
  facts: BuildFacts;
  findings: Finding[];
  /** The Dockerfiles the build was read with, for the stage graph of the timeline (absent: none known). */
  dockerfiles?: StageSources;
}
