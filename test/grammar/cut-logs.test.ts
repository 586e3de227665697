// Logs as people paste them and as CI cuts them: a box without its top rule, docker-compose v1's
// failure line, a pull error of the classic builder, podman's old wording, a log that stops while
// a step still runs. Each must say the build failed, or that it did not finish: never "passed".
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { verdictKind } from '../../src/report/recognised.js';
import { renderText } from '../../src/report/text.js';

async function analyzeText(text: string) {
  return analyzeStream(Readable.from([Buffer.from(text)]));
}

describe('failures the log shows only in part', () => {
  it('a build whose client lost the BuildKit daemon never passed, however far its steps got', async () => {
    // fixtures/rules/buildkit/daemon-connection-lost/: microsoft/vscode-remote-release#7958 (tty, every step done or cached),
    // moby/buildkit#3576 and docker/buildx#2789 (plain, behind build-push-action's lead) as stored.
    const dir = 'fixtures/rules/buildkit/daemon-connection-lost';
    for (const file of ['match-devcontainer-inline-cache.log', 'match-buildkit-3576-inline-cache.log', 'match-buildx-2789-graceful-stop.log']) {
      const analysis = await analyzeText(readFileSync(`${dir}/${file}`, 'utf8'));
      expect(verdictKind(analysis), file).toBe('failed');
      expect(renderText(analysis, { color: false })).not.toContain('Build passed');
      expect(analysis.findings[0]?.ruleId).toBe('buildkit/daemon-connection-lost');
    }
    // The same last line after a plain build whose every step finished, and from an older buildx (`error: `, RasaHQ/rasa#11304's wording).
    const done = '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n\n#2 [1/2] FROM docker.io/library/alpine:3.19\n#2 DONE 0.1s\n\n';
    for (const last of [
      'ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
      'error: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
    ]) {
      const analysis = await analyzeText(`${done}${last}\n`);
      expect(verdictKind(analysis), last).toBe('failed');
      expect(renderMarkdown(analysis)).not.toContain('Build passed');
    }
  });

  it('an error box pasted from its header on, without the rule above it', async () => {
    const analysis = await analyzeText(' > [backend 10/10] RUN pip3 install --upgrade pip:\n#12 2.185 error: externally-managed-environment\n------\n');
    expect(verdictKind(analysis)).toBe('failed');
    expect(analysis.model.steps.find((s) => s.id === analysis.model.failedStep)?.instruction).toBe('RUN pip3 install --upgrade pip');
    expect(analysis.findings[0]?.ruleId).toBe('pip/externally-managed');
  });

  it('a box header copied from a terminal: padded after its colon, or without its leading ` > `', async () => {
    // weaviate/weaviate-benchmarking#8 and vti/wahooMapsCreator-docker#3 as stored (fixtures/rules/pip/externally-managed/).
    for (const [file, instruction] of [
      ['match-alpine-ensurepip.log', 'RUN python3 -m ensurepip'],
      ['match-ubuntu-bare-box-header.log', 'RUN bash -c "pip install requests shapely"'],
    ] as const) {
      const analysis = await analyzeText(readFileSync(`fixtures/rules/pip/externally-managed/${file}`, 'utf8'));
      expect(verdictKind(analysis)).toBe('failed');
      expect(analysis.model.steps.find((s) => s.id === analysis.model.failedStep)?.instruction).toBe(instruction);
      expect(analysis.findings[0]?.step).toBe(analysis.model.failedStep);
    }
  });

  it('a tty ERROR row stays an error when a CANCELED row cut mid-name follows it', async () => {
    // infiniflow/ragflow#5310 as stored (fixtures/rules/buildkit/step-failed/): the truncated CANCELED row of another image's
    // metadata matched the ERROR row's step by prefix and turned it into a cancel: "Build passed".
    const analysis = await analyzeText(readFileSync('fixtures/rules/buildkit/step-failed/match-tty-base-metadata-error-cut.log', 'utf8'));
    expect(verdictKind(analysis)).toBe('failed');
    const failed = analysis.model.steps.find((s) => s.status === 'error');
    expect(failed?.instruction).toBe('load metadata for docker.io/infiniflow/ragflow_deps:latest');
    expect(analysis.findings[0]?.title).toBe('Base image could not be resolved');
    expect(renderText(analysis, { color: false, width: 100 })).not.toContain('Build passed');
  });

  it('a ninja progress line or a podman step line is no box header', async () => {
    const analysis = await analyzeText('[12/50] Building CXX object src/CMakeFiles/core.dir/a.cpp.o:\\n[1/2] STEP 3/5: RUN make:\\n');
    expect(analysis.model.failedStep).toBeNull();
    expect(analysis.model.steps.some((s) => s.instruction.startsWith('Building'))).toBe(false);
  });

  it('a tty screen whose error box lost its header: the timed lines are the failed step’s output', async () => {
    // mistralai/mistral-inference#76 as stored: the reporter cut the box's ` > [5/8] RUN …:` header.
    const analysis = await analyzeText(readFileSync('fixtures/rules/buildkit/step-failed/match-unpinned-torch-apex-tty.log', 'utf8'));
    const failed = analysis.model.steps.find((s) => s.id === analysis.model.failedStep);
    expect(failed?.instruction).toMatch(/^RUN git clone https:\/\/github\.com\/NVIDIA\/apex/);
    expect(failed?.tail).toContain("No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'");
    expect(failed?.tail.some((line) => line.includes('torch/utils/cpp_extension.py'))).toBe(true);
    // Timed lines with no step marked ERROR stay outside any step.
    const passed = await analyzeText(' => [4/8] RUN pip3 install "torch>=2.0.0"   476.6s\n14.87 No CUDA runtime is found\n');
    expect(passed.model.steps.every((s) => s.tail.length === 0)).toBe(true);
  });

  it('the classic builder of Docker before 1.13: `Step 2 : RUN …` without a total', async () => {
    // hughperkins/howto-jenkins-ssl#2 (2016)
    const analysis = await analyzeText(readFileSync('fixtures/rules/apt/unable-to-locate-package/match-classic-no-total-install-without-update.log', 'utf8'));
    expect(analysis.model.format).toBe('classic');
    const failed = analysis.model.steps.find((s) => s.id === analysis.model.failedStep);
    expect([failed?.index, failed?.total, failed?.instruction]).toEqual([2, null, 'RUN apt-get install -y git bash-completion dnsutils nginx telnet lsof']);
    expect(failed?.exitCode).toBe(100);
  });

  it('docker-compose v1 wrapping the classic builder’s failure', async () => {
    const analysis = await analyzeText(
      [
        'Step 7/11 : RUN pip install -r requirements.txt',
        ' ---> Running in 2b1b77ea6cf1',
        'Collecting torch==9.9',
        "ERROR: Service 'web' failed to build : The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1",
        '',
      ].join('\n'),
    );
    expect(analysis.model.failedStep).toBe(7);
    expect(analysis.model.solveError?.exitCode).toBe(1);
  });

  it('the classic builder unable to pull the base image', async () => {
    const analysis = await analyzeText(
      "Step 1/5 : FROM acme/private-base:2.1\npull access denied for acme/private-base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    expect(analysis.model.failedStep).toBe(1);
    expect(analysis.findings[0]?.ruleId).toBe('buildkit/base-image-not-found');
  });

  it('a pull error in the output of a RUN is that command’s business, not the FROM’s', async () => {
    const analysis = await analyzeText(
      'Step 2/3 : RUN ./fetch-models.sh\n ---> Running in 0a1b2c3d4e5f\npull access denied for models, retrying with a mirror\nRemoving intermediate container 0a1b2c3d4e5f\n ---> 9f8e7d6c5b4a\nSuccessfully built 9f8e7d6c5b4a\n',
    );
    expect(analysis.model.failedStep).toBeNull();
    expect(verdictKind(analysis)).toBe('passed');
  });

  it('podman before 3: steps without a total, and the older failure wording', async () => {
    const analysis = await analyzeText(
      'STEP 1: FROM fedora:39\nSTEP 2: RUN dnf -y install make\nError: Unable to find a match: make\nError: error building at STEP "RUN dnf -y install make": error while running runtime: exit status 1\n',
    );
    expect(analysis.model.format).toBe('buildah');
    expect(analysis.model.steps.map((s) => [s.index, s.total, s.instruction])).toEqual([
      [1, null, 'FROM fedora:39'],
      [2, null, 'RUN dnf -y install make'],
    ]);
    expect(analysis.model.failedStep).toBe(2);
    expect(renderText(analysis, { color: false })).not.toContain('its definition');
  });
});

describe('an error box whose step lost its header to the cut', () => {
  // The box echoes a step the log shows only by its output and its `#N ERROR:`: one step, named by the box.
  it('joins the step whose error names the same RUN (docker/build-push-action#933)', async () => {
    const analysis = await analyzeStream(Readable.from([readFileSync('fixtures/real-world/apt/build-push-action-933-nvidia-mirror-sync.log')]));
    expect(analysis.model.steps.map((s) => [s.id, s.index, s.total, s.status])).toEqual([[4, 2, 5, 'error']]);
    expect(analysis.model.failedStep).toBe(4);
    expect(analysis.model.steps[0]!.exitCode).toBe(100);
    // One failure, one finding: no second `buildkit/step-failed` for a step that is the same one.
    expect(analysis.findings.map((f) => [f.ruleId, f.step])).toEqual([['apt/fetch-failed', 4]]);
  });

  it('joins it when the name shows the RUN flags and the build args expanded, and keeps the excerpt', async () => {
    // A real build cut right after its failing step's header (`#10 [stage-0 4/4] RUN --mount=… cmake … compute_,…`).
    const lines = readFileSync('fixtures/real/buildkit-0.13-dockerd-26.1/nvcc-empty-arch.log', 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('#10 [stage-0 4/4] RUN --mount='));
    const analysis = await analyzeText(lines.slice(header + 1).join('\n'));
    expect(analysis.model.steps.map((s) => [s.id, s.stage, s.index, s.status])).toEqual([[10, 'stage-0', 4, 'error']]);
    expect(analysis.model.solveError).toMatchObject({ step: 10, line: 7, endLine: 9 });
    expect(analysis.findings.some((f) => f.ruleId === 'buildkit/step-failed')).toBe(false);
    expect(analysis.findings[0]).toMatchObject({ step: 10, location: { line: 7 } });
  });
});

describe('a log that ends while a step still runs', () => {
  const cut = [
    '#5 [3/4] RUN make -j8',
    '#5 10.1 [ 38%] Building CXX object CMakeFiles/kernels.dir/attention.cu.o',
    '##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 360 minutes.',
    '',
  ].join('\n');

  it('did not finish: not passed, and the step that was running is named', async () => {
    const analysis = await analyzeText(cut);
    expect(verdictKind(analysis)).toBe('unfinished');
    expect(renderText(analysis, { color: false }).split('\n')[0]).toBe('⏹ Build did not finish: the log ends while [3/4] RUN make -j8 was still running');
    expect(renderMarkdown(analysis)).toContain('⏹ Build did not finish: the log ends while `[3/4] RUN make -j8` was still running: CI job stopped by its time limit');
    // The outcome is unknown, so the timeout stays an error.
    expect(analysis.findings[0]).toMatchObject({ ruleId: 'resources/job-timeout', severity: 'error' });
    // The step that was running was no cache hit.
    expect(analysis.model.cacheHitRatio).toBe(0);
  });

  // wilicc/gpu-burn#93: the `docker run` error, then the start of the build that made the image.
  it('an error outside the build pasted in part is what failed: the container, not the build', async () => {
    const log = readFileSync(new URL('../../fixtures/real-world/libraries/could-not-select-device-driver-cut-legacy-build-gpuburn-93.log', import.meta.url));
    const analysis = await analyzeStream(Readable.from([log]));
    expect(verdictKind(analysis)).toBe('failed');
    expect(renderText(analysis, { color: false }).split('\n')[0]).toBe('✖ Container failed: Docker has no GPU runtime (NVIDIA Container Toolkit)');
    // The same build cut short, without the error: it did not finish.
    const buildOnly = log.toString('utf8').split('\n').filter((l) => !l.startsWith('docker: Error response')).join('\n');
    expect(verdictKind(await analyzeText(buildOnly))).toBe('unfinished');
  });

  it('a complete build is not taken for a cut one', async () => {
    const real = readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/multistage-pass.log', import.meta.url));
    expect(verdictKind(await analyzeStream(Readable.from([real])))).toBe('passed');
  });
});

describe('a line that is only `{`', () => {
  it('in a pasted tool log: pretty-printed JSON stays the tool’s output, the log is not taken for rawjson', async () => {
    const analysis = await analyzeText(
      ['{', '  "torch": "2.3.1+cu121"', '}', "nvcc fatal   : Unsupported gpu architecture 'compute_35'", ''].join('\n'),
    );
    expect(analysis.model.format).toBe('plain-text');
    expect(analysis.model.steps[0]?.tail).toEqual(['{', '  "torch": "2.3.1+cu121"', '}', "nvcc fatal   : Unsupported gpu architecture 'compute_35'"]);
    expect(analysis.findings[0]?.ruleId).toBe('cuda/unsupported-arch');
  });
});

