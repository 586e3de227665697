// Runs a log through the line stage, the grammars and the build model, without rules.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readLogLines } from '../../src/lines/read-lines.js';
import { LogParser } from '../../src/grammar/log-parser.js';
import { BuildModelBuilder } from '../../src/model/build-model.js';
import type { BuildEvent } from '../../src/grammar/events.js';
import type { BuildModel } from '../../src/model/types.js';

export interface Parsed {
  events: BuildEvent[];
  model: BuildModel;
}

export async function parseStream(input: Readable): Promise<Parsed> {
  const events: BuildEvent[] = [];
  const builder = new BuildModelBuilder();
  const parser = new LogParser((event) => {
    events.push(event);
    builder.apply(event);
  });
  const lines = await readLogLines(input, (line) => parser.push(line));
  parser.end();
  return { events, model: builder.finish(lines) };
}

export function parseText(text: string): Promise<Parsed> {
  return parseStream(Readable.from([Buffer.from(text)]));
}

export function parseFile(path: string): Promise<Parsed> {
  return parseStream(createReadStream(path));
}
