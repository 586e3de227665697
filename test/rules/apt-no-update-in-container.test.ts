// apt/unable-to-locate-package outside a build step, in a container, when the log shows no `apt-get update` before the install:
// the update in the same command, in the script that ran (mmartial/ComfyUI-Nvidia-Docker#134). Logs that show an update
// (`Get:` / `Hit:` lines) or a host keep the finding they had. All logs are the committed fixtures (their README gives the source).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (p: string): string => readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${p}`, import.meta.url), 'utf8');
const RULE = 'apt/unable-to-locate-package';
const first = async (p: string) => (await analyzeLog(read(p))).find((x) => x.ruleId === RULE);

describe(`${RULE}: no update before an install in a container`, () => {
  test('mmartial/ComfyUI-Nvidia-Docker#134: a compose user script installs with empty lists', async () => {
    const f = await first('match-no-update-compose-userscript-comfyui-nvidia-docker-134.log');
    expect(f?.title).toContain('the log shows no `apt-get update`');
    expect(f?.message).toContain('compose service `comfyui-nvidia`');
    expect(f?.fix).toContain('`/userscripts_dir/11-onnxruntime-gpu.sh`');
    expect(f?.fix).toContain('apt-get update && apt-get install -y libcurl4-openssl-dev');
    expect(f?.fix).toContain('not a Dockerfile');
  });

  test('a docker run whose log shows `Get:` / `Hit:` lines before the failure keeps its finding', async () => {
    const f = await first('match-libcudnn8-doc-local-cudnn-repo.log');
    expect(f?.title).not.toContain('no `apt-get update`');
    expect(f?.fix).not.toContain('apt-get update && apt-get install');
  });

  test('a host script (no container in the log) keeps the generic check', async () => {
    const f = await first('match-cuda-meta-host-script.log');
    expect(f?.title).toBe('apt package not found');
    expect(f?.fix).toContain('apt-cache policy cuda');
  });
});
