// Rule stage: events (with the step they belong to) → findings. STUB: to be replaced.
import type { BuildEvent, BuildModel, Finding } from '../model/types.js';
import type { BuildModelBuilder } from '../model/build-model.js';
import type { Rule } from './schema.js';

export class RuleEngine {
  constructor(private readonly rules: Rule[]) {}

  observe(_event: BuildEvent, _model: BuildModelBuilder): void {}

  finish(_model: BuildModel): Finding[] {
    return [];
  }
}
