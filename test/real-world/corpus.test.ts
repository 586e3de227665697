// The real-world corpus (fixtures/real-world/<class>/<name>.log + .json): build logs and excerpts quoted
// from public issue threads and committed log files. Every sample runs once through the whole pipeline
// (in-process); the test prints recall, headline and false alarms per class and holds the overall
// figures to the floors in floor.json (raise them when a rule gets better; never lower them to pass).
//
//   npx vitest run test/real-world            the table and the work list (misses)
//   REAL_WORLD_REPORT=out.json npx vitest run test/real-world   also writes every sample's result
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeLog } from '../rules/support/analyze-log.js';
import {
  belowFloor,
  figures,
  floorOf,
  formatMisses,
  formatTable,
  scoreSample,
  summarize,
  validateSample,
  type Figures,
  type SampleMeta,
  type SampleResult,
} from './support/score.js';

const root = fileURLToPath(new URL('../../fixtures/real-world/', import.meta.url));
const floorFile = fileURLToPath(new URL('./floor.json', import.meta.url));

interface Sample {
  id: string;
  cls: string;
  log: string;
  text: string;
  meta: unknown;
}

function loadCorpus(): { samples: Sample[]; orphans: string[] } {
  const samples: Sample[] = [];
  const orphans: string[] = [];
  if (!existsSync(root)) return { samples, orphans };
  for (const cls of readdirSync(root).sort()) {
    const dir = path.join(root, cls);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir);
    for (const f of files.sort()) {
      const ext = path.extname(f);
      const name = f.slice(0, -ext.length);
      if (ext === '.log') {
        if (!files.includes(`${name}.json`)) orphans.push(`${cls}/${f} has no ${name}.json`);
        continue;
      }
      if (ext !== '.json') {
        orphans.push(`${cls}/${f} is neither a .log nor a .json`);
        continue;
      }
      const log = path.join(dir, `${name}.log`);
      if (!existsSync(log)) {
        orphans.push(`${cls}/${f} has no ${name}.log`);
        continue;
      }
      let meta: unknown;
      try {
        meta = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      } catch (error) {
        meta = `invalid JSON: ${String(error)}`;
      }
      samples.push({ id: `${cls}/${name}`, cls, log, text: readFileSync(log, 'utf8'), meta });
    }
  }
  return { samples, orphans };
}

const { samples, orphans } = loadCorpus();

describe('real-world corpus', () => {
  let results: SampleResult[] = [];

  beforeAll(async () => {
    results = [];
    for (const s of samples) {
      if (validateSample(s.cls, s.meta, s.text).length > 0) continue;
      const findings = await analyzeLog(s.text);
      results.push(scoreSample(s.id, s.cls, s.meta as SampleMeta, findings));
    }
    const f = figures(results);
    console.log(
      `\nreal-world corpus: ${results.length} samples — recall ${f.recall.toFixed(1)}%, headline ${f.headline.toFixed(1)}%, ` +
        `false alarms ${f.falseAlarms}\n\n${formatTable(summarize(results))}\n\n${formatMisses(results) || '(no misses)'}\n`,
    );
    const report = process.env.REAL_WORLD_REPORT;
    if (report) writeFileSync(report, `${JSON.stringify({ figures: f, rows: summarize(results), results }, null, 2)}\n`);
  });

  it('has samples, each a .log with its .json', () => {
    expect(orphans).toEqual([]);
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s has valid provenance, cut, expect and keyLines', (_id, s) => {
    expect(validateSample(s.cls, s.meta, s.text)).toEqual([]);
  });

  it('holds the floors of floor.json', () => {
    const floor = JSON.parse(readFileSync(floorFile, 'utf8')) as Figures;
    const f = figures(results);
    expect(belowFloor(f, floor), `today: ${JSON.stringify(floorOf(f))}`).toEqual([]);
  });
});
