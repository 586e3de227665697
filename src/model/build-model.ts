// Build model stage: events → steps keyed by vertex id. STUB: to be replaced.
import type { BuildEvent, BuildModel, Step } from './types.js';

export class BuildModelBuilder {
  private readonly steps = new Map<number, Step>();

  apply(_event: BuildEvent): void {}

  getStep(id: number): Step | undefined {
    return this.steps.get(id);
  }

  finish(lines: number): BuildModel {
    return {
      format: 'unknown',
      steps: [...this.steps.values()],
      solveError: null,
      failedStep: null,
      seconds: null,
      cacheHitRatio: null,
      lintWarnings: [],
      lines,
    };
  }
}
