// Runs a log through the whole product pipeline (lines → grammar → model → rules → findings).
import { Readable } from 'node:stream';
import { analyzeStream } from '../../../src/analyze.js';
import type { Finding } from '../../../src/rules/finding.js';

export async function analyzeLog(text: string): Promise<Finding[]> {
  const { findings } = await analyzeStream(Readable.from([Buffer.from(text)]));
  return findings;
}
