// The base images a Dockerfile declares, for the build facts of a log that does not show them (an
// excerpt of the failing step): `ARG BASE_IMAGE=nvcr.io/nvidia/pytorch:23.04-py3` then
// `FROM ${BASE_IMAGE}` declares that image. A FROM whose ARG has no default is left out: its value
// came from a build arg the Dockerfile does not know.
import type { DeclaredBase } from '../facts/types.js';
import { stageLabel, type Dockerfile } from './dockerfile.js';

export function declaredBases(dockerfile: Dockerfile): DeclaredBase[] {
  const out: DeclaredBase[] = [];
  for (const stage of dockerfile.stages) {
    if (stage.baseStage !== null || stage.fromUnresolved.length > 0 || stage.from.includes('$') || stage.from === 'scratch') continue;
    const at = `${dockerfile.path}:${stage.line}: FROM ${stage.fromRaw}`;
    const evidence = stage.fromRaw === stage.from ? at : `${at} (${stage.from} by the ARG default)`;
    out.push({ image: stage.from, stage: stageLabel(stage), evidence });
  }
  return out;
}
