// The download ledger on a real log: pip's `Downloading` lines and the stamped line after each.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { DownloadLedger } from '../../src/model/downloads.js';

const log = readFileSync(new URL('../../fixtures/rules/pip/wheel-downloaded-twice/match-force-reinstall-downloads-again.log', import.meta.url), 'utf8');

describe('downloads', () => {
  it('are read from the log with the time to the next stamped line of their step', async () => {
    const { model } = await analyzeStream(Readable.from([Buffer.from(log)]));
    // `#11 6.508 Downloading …heavylib… (67.1 MB)` then `#11 8.035 ━━━…`; `#12 3.772` then `#12 4.518`.
    // smallops's `(991 bytes)` is no wheel worth timing: pip prints small sizes in bytes.
    expect(model.downloads?.map((d) => [d.step, d.file, d.size, Number(d.seconds?.toFixed(3))])).toEqual([
      [11, 'heavylib-1.0.0-py3-none-any.whl', '67.1 MB', 1.527],
      [12, 'heavylib-1.0.0-py3-none-any.whl', '67.1 MB', 0.746],
    ]);
  });
});

describe('DownloadLedger', () => {
  it('times a download by the next stamped line of its own step, whatever other steps print between', () => {
    const ledger = new DownloadLedger();
    ledger.observe(9, '  Downloading http://127.0.0.1:8081/simple/heavylib/heavylib-1.0.0-py3-none-any.whl (67.1 MB)', 8.424);
    ledger.observe(10, '  Downloading http://127.0.0.1:8080/simple/heavylib/heavylib-1.0.0-py3-none-any.whl (67.1 MB)', 9.311);
    ledger.observe(9, '     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 67.1/67.1 MB 36.0 MB/s eta 0:00:00', 10.3);
    expect(ledger.list().map((d) => [d.step, d.file, d.seconds === null ? null : Number(d.seconds.toFixed(3))])).toEqual([
      [9, 'heavylib-1.0.0-py3-none-any.whl', 1.876],
      [10, 'heavylib-1.0.0-py3-none-any.whl', null],
    ]);
  });

  it('leaves a download untimed in a format without stamps, and skips what is not a wheel download', () => {
    const ledger = new DownloadLedger();
    ledger.observe(1, 'Downloading torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl (779.1 MB)', null);
    ledger.observe(1, 'Installing collected packages: torch', null);
    ledger.observe(1, '  Downloading flash_attn-2.6.3.tar.gz (2.6 MB)', null);
    ledger.observe(1, 'Using cached numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl (18.3 MB)', null);
    expect(ledger.list()).toEqual([{ step: 1, file: 'torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl', size: '779.1 MB', seconds: null }]);
  });
});
