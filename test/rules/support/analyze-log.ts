// Runs a log through the whole product pipeline (lines → grammar → model → rules → findings).
import { Readable } from 'node:stream';
import { analyzeStream } from '../../../src/analyze.js';
import type { Finding } from '../../../src/rules/finding.js';

export async function analyzeLog(text: string): Promise<Finding[]> {
  const { findings } = await analyzeStream(Readable.from([Buffer.from(text)]));
  return findings;
}

/** The finding of `ruleId` on `text`; fails the test when the rule gave none. */
export async function findingOf(ruleId: string, text: string): Promise<Finding> {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === ruleId);
  if (f === undefined) throw new Error(`no ${ruleId} finding`);
  return f;
}
