import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLEAN_LINE_PATTERNS, cleanLine, composeServiceOf, lastRedraw, stripAnsi, stripCiPrefixes, stripEarthlyGutter, stripMarkdownQuoting, unlinkSelfLinks, unpadWrappedRows } from '../../src/lines/clean-line.js';
import { checkRegexSafety } from '../../src/security/regex-safety.js';

describe('cleanLine', () => {
  test.each([
    ['colours', '\x1b[33m-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include\x1b[0m', '-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include'],
    ['cursor movement of a tty redraw', '\x1b[1A\x1b[0G\x1b[?25l[+] Building 0.3s (5/8)', '[+] Building 0.3s (5/8)'],
    ['an OSC 8 hyperlink keeps its text', '\x1b]8;;https://pip.pypa.io\x1b\\pip docs\x1b]8;;\x1b\\', 'pip docs'],
    ['a window title ended by BEL', '\x1b]0;build\x07#5 DONE 1.2s', '#5 DONE 1.2s'],
    ['charset selection', '\x1b(B#5 CACHED', '#5 CACHED'],
    ['an Actions timestamp', '2026-01-02T03:04:05.1234567Z #12 [builder 7/10] RUN make', '#12 [builder 7/10] RUN make'],
    ['an Actions timestamp and a BOM', '\ufeff2026-01-02T03:04:05.1234567Z ##[group]Run docker build .', 'Run docker build .'],
    ['##[endgroup]', '2026-01-02T03:04:05.1234567Z ##[endgroup]', ''],
    ['##[error] keeps its message', '##[error]Process completed with exit code 1.', 'Process completed with exit code 1.'],
    ['a bracketed ISO timestamp', '[2026-01-02T03:04:05.123Z] #3 DONE 0.1s', '#3 DONE 0.1s'],
    ['a bracketed timestamp with an offset', '[2026-01-02 03:04:05,123+01:00] Step 2/9 : RUN make', 'Step 2/9 : RUN make'],
    ['docker compose v2 prefix', 'trainer-1  | RuntimeError: CUDA error: no kernel image is available', 'RuntimeError: CUDA error: no kernel image is available'],
    ['docker compose v1 prefix', 'web_1     | Traceback (most recent call last):', 'Traceback (most recent call last):'],
    ['CRLF', '#5 0.412 Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease\r', '#5 0.412 Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease'],
    ['a progress redraw keeps its last state', 'Downloading  10%\rDownloading  60%\rDownloading 100%', 'Downloading 100%'],
    ['a redraw inside a BuildKit frame keeps the frame', '#8 3.001 10%|#  |\r 60%|## |\r100%|###|', '#8 3.001 100%|###|'],
    // `gh run view --log-failed` (fixtures/rules/buildx/cache-export-docker-driver/match-gh-run-view-build-push-action.log)
    [
      'gh run view: the job and step names, then the Actions timestamp',
      'publish\tBuild and optionally push image\t2026-03-29T20:52:18.5832337Z ERROR: failed to build: Cache export is not supported for the docker driver.',
      'ERROR: failed to build: Cache export is not supported for the docker driver.',
    ],
    ['gh run view: an Actions marker', 'publish\tBuild and optionally push image\t2026-03-29T20:52:18.6535643Z ##[group]Check build summary support', 'Check build summary support'],
    // AnotherDaniel/smahub#19 (fixtures/rules/pip/externally-managed/match-alpine-classic-clock-stamps.log)
    ['a time of day before a classic step line', '22:30:19 Step 6/10 : RUN pip3 install .', 'Step 6/10 : RUN pip3 install .'],
    ['a time of day alone on a blank line', '22:30:19 ', ''],
    ['a time of day with fractions', '08:01:02.345 error: externally-managed-environment', 'error: externally-managed-environment'],
    // unslothai/unsloth#8580 (fixtures/rules/runtime/torch-symbol-mismatch/match-xformers-built-for-journald-unsloth-8580.log)
    ['a journald line', 'Aug 12 10:38:34 fileserver unsloth[4073658]:     PyTorch 2.10.0+cu128 with CUDA 1208 (you have 2.11.0+cu130)', '    PyTorch 2.10.0+cu128 with CUDA 1208 (you have 2.11.0+cu130)'],
    // ggml-org/llama.cpp#17844 (fixtures/rules/resources/oom-killed/match-kernel-oom-killer-cudafe-llamacpp-17844.log): no PID
    ['a journald kernel line', 'Dec 07 15:40:35 user kernel: Out of memory: Killed process 2602 (nautilus) total-vm:3089788kB, anon-rss:17236kB, file-rss:4792kB, shmem-rss:8136kB, UID:1000 pgtables:1272kB oom_score_adj:200', 'Out of memory: Killed process 2602 (nautilus) total-vm:3089788kB, anon-rss:17236kB, file-rss:4792kB, shmem-rss:8136kB, UID:1000 pgtables:1272kB oom_score_adj:200'],
  ])('%s', (_name, raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  test.each([
    ['a Dockerfile excerpt line', '  60 | >>> RUN make'],
    ['a four-digit excerpt line', '1000 | >>> RUN make'],
    ['a shell pipeline', 'pip freeze | grep torch'],
    ['a table of pip output', 'torch 2.3.0 | cu121'],
    ['a BuildKit output line with a pipe', '#5 1.234 web  | hello'],
    ['a timestamp not at the start', 'built at 2026-01-02T03:04:05Z ok'],
    ['a bracket that is not a timestamp', '[builder 3/7] RUN make'],
    ['a time that is not a time of day', '25:61:00 not a clock'],
    ['a duration without a space after it', '00:01:23.4s elapsed'],
    // Mesa's history (/usr/share/doc/libgl1-mesa-dev/changelog.gz, Debian's libgl1-mesa-dev): a month's name, then no clock
    ['a line that starts with a month', 'March 1997: Mesa 2.2 is released. It supports the new 3dfx Voodoo'],
    // nvidia-smi's banner (fixtures/rules/runtime/cuda-driver-init-failed/match-container-device-count-one.log): a date, the day first
    ['the date of nvidia-smi\'s banner', 'Tue Apr 11 21:25:48 2023       '],
  ])('leaves %s alone', (_name, text) => {
    expect(cleanLine(text)).toBe(text);
  });

  test('the pieces are usable alone', () => {
    expect(stripAnsi('plain')).toBe('plain');
    expect(stripCiPrefixes('2026-01-02T03:04:05Z x')).toBe('x');
    expect(lastRedraw('a\rb\r\r')).toBe('b');
  });

  test.each(CLEAN_LINE_PATTERNS.map((p) => [p.source, p.flags]))('%s is linear-time', (source, flags) => {
    expect(checkRegexSafety(source, flags)).toBeNull();
  });
});

// Earthly's gutter (earthly/earthly conslogging/conslogging.go: the name right-justified to 20 columns, ` *failed*`, ` | `).
describe("Earthly's target gutter", () => {
  test.each([
    // kairos-io/kairos#2351 (fixtures/rules/apt/rpm-package-unavailable/match-earthly-gutter-rocky9-kairos-2351.log)
    ['a failed target, padded', '              common *failed* | No match for argument: grub2-efi-x64', 'No match for argument: grub2-efi-x64'],
    ['a failed target, padded, the error line', '              common *failed* | Error: Unable to find a match: grub2 grub2-efi-x64 grub2-efi-x64-modules grub2-pc', 'Error: Unable to find a match: grub2 grub2-efi-x64 grub2-efi-x64-modules grub2-pc'],
    // an `earthly +checks` run in qba73/ngx's README
    ['a +target, padded', '            +go-base | --> RUN go mod download', '--> RUN go mod download'],
    ['a +target, padded, a pipe in its own text', '            +go-test | --> RUN go test -count=1 -shuffle=on -trimpath -race -cover -covermode=atomic -json ./... | tparse -all', '--> RUN go test -count=1 -shuffle=on -trimpath -race -cover -covermode=atomic -json ./... | tparse -all'],
    ["Earthly's own context line", '             context | --> local context .', '--> local context .'],
    ['a name that fills the 20 columns', 'golang:1.19-bullseye | --> Load metadata linux/amd64', '--> Load metadata linux/amd64'],
    // Earthly's docs (earth github.com/earthly/hello-world:main+hello): unpadded
    ['a remote target, unpadded', 'github.com/earthly/hello-world:main+hello | Hello, world!', 'Hello, world!'],
    ['a local target, unpadded', '+build | --> RUN [go build -o build/go-example main.go]', '--> RUN [go build -o build/go-example main.go]'],
    ['after an Actions timestamp', '2024-03-15T10:00:00.0000000Z               common *failed* | No match for argument: grub2', 'No match for argument: grub2'],
  ])('%s', (_name, raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  test.each([
    // qba73/ngx's README: a Markdown table
    ['a Markdown table row', '| API version | NGINX Plus version |'],
    ['a Markdown table rule', '|-------------|--------------------|'],
    // qba73/ngx's README, a line of tparse's table inside the gutter: once the gutter is off, its own bars stay
    ['a box-drawn table', '│  PASS   │    0.00 │ TestClientRetrivesInfoAboutRunningNGINXInstance            │ ngx      │'],
    // fixtures/rules/cuda/driver-too-old/match-nvidia-docker-1-driver80-image90.log: a tool's name, no target
    ['a tool that names itself', 'nvidia-docker | 2017/11/21 00:48:39 Error: unsupported CUDA version: driver 8.0 < image 9.0.176'],
    // the compose and excerpt lines of the cleanLine tests above
    ['a compose prefix (compose takes it, not Earthly)', 'trainer-1  | RuntimeError: CUDA error: no kernel image is available'],
    ['a Dockerfile excerpt line', '  60 | >>> RUN make'],
    ['a shell pipeline', 'pip freeze | grep torch'],
  ])('leaves %s alone', (_name, text) => {
    expect(stripEarthlyGutter(text)).toBe(text);
  });
});

// GitHub's renderer links a bare host-like word to itself, and a copy of the page keeps the Markdown
// (NVIDIA/nvidia-container-toolkit#146, description by irudkin: the error line and the `nvidia-ctk cdi list` output).
describe('a word GitHub turned into a link to itself', () => {
  test('is the word again', () => {
    expect(cleanLine('I am continually getting the error Error: error setting up CDI devices: unresolvable CDI devices [nvidia.com/gpu=all](http://nvidia.com/gpu=all).')).toBe(
      'I am continually getting the error Error: error setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all.',
    );
    expect(cleanLine('[nvidia.com/gpu=0](http://nvidia.com/gpu=0)')).toBe('nvidia.com/gpu=0');
  });

  test('a link whose text is not its address stays as written', () => {
    const line = 'I have followed these instructions [here](https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html).';
    expect(cleanLine(line)).toBe(line);
    expect(unlinkSelfLinks(line)).toBe(line);
  });

  test('a line without a link is returned as it came', () => {
    const line = 'Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all';
    expect(unlinkSelfLinks(line)).toBe(line);
  });
});

// Lines of logs pasted into issues: roserustowicz/crop-type-mapping#120 (quoted), NVlabs/BundleSDF#33
// (quoted docker pull), hpcaitech/Open-Sora#780 (fenced, the fence on the first and last lines).
describe('a log pasted into an issue', () => {
  test('loses its quoting and its fences', () => {
    expect(cleanLine('> Solving environment: ...working... failed')).toBe('Solving environment: ...working... failed');
    expect(cleanLine('>   - jpeg==9c=h470a237_1')).toBe('  - jpeg==9c=h470a237_1');
    expect(cleanLine('>')).toBe('');
    expect(cleanLine('> > Error response from daemon: unauthorized: authentication required')).toBe('Error response from daemon: unauthorized: authentication required');
    expect(cleanLine('```#sh')).toBe('');
    expect(cleanLine('```')).toBe('');
    expect(cleanLine('> ```text')).toBe('');
    // an inline code span opened on a quoted line and closed lines later (EleutherAI/gpt-neox#1021)
    expect(cleanLine('> `Collecting deepspeed (from -r requirements.txt (line 2))')).toBe('Collecting deepspeed (from -r requirements.txt (line 2))');
    // the same span in a paste that is not quoted: the classic builder's failure line (dusty-nv/jetson-containers#121)
    expect(cleanLine("`The command '/bin/sh -c python3 setup.py install' returned a non-zero code: 1")).toBe(
      "The command '/bin/sh -c python3 setup.py install' returned a non-zero code: 1",
    );
    expect(cleanLine('`Traceback (most recent call last):')).toBe('Traceback (most recent call last):');
    // a backtick closed on the same line is the tool's own quoting
    expect(cleanLine('> `pip` is not installed')).toBe('`pip` is not installed');
    // a whole line written as inline code (NVIDIA/TensorRT-LLM#764, oobabooga/text-generation-webui#4328)
    expect(cleanLine('`Killed`')).toBe('Killed');
    expect(cleanLine('` => ERROR [text-generation-webui stage-1 11/15] COPY requirements.txt /app/requirements.txt`')).toBe(
      ' => ERROR [text-generation-webui stage-1 11/15] COPY requirements.txt /app/requirements.txt',
    );
    // a span opened before a line of BuildKit's error box, the tool's own backticks after it (EricLBuehler/mistral.rs#866)
    expect(cleanLine('`71.79 error: failed to run custom build command for `mistralrs-quant v0.3.2 (/mistralrs/mistralrs-quant)`')).toBe(
      '71.79 error: failed to run custom build command for `mistralrs-quant v0.3.2 (/mistralrs/mistralrs-quant)`',
    );
    // a whole line in bold italic inline code (docker/build-push-action#748)
    expect(cleanLine('_**`Error: buildx failed with: ERROR: failed to solve: executor failed running [/bin/sh -c apk update]: exit code: 1`**_')).toBe(
      'Error: buildx failed with: ERROR: failed to solve: executor failed running [/bin/sh -c apk update]: exit code: 1',
    );
    // make's own asterisks are not Markdown's
    expect(cleanLine("*** [Makefile:12: all] Error 2")).toBe("*** [Makefile:12: all] Error 2");
    // a line that only starts and ends with a quoted word keeps its backticks
    expect(cleanLine('`pip` is not installed, run `apt-get install python3-pip`')).toBe('`pip` is not installed, run `apt-get install python3-pip`');
    expect(cleanLine('```#1 [internal] load build definition from Dockerfile')).toBe('#1 [internal] load build definition from Dockerfile');
    expect(cleanLine('ERROR: failed to solve: process "/bin/bash --login -c pip install flash-attn --no-build-isolation" did not complete successfully: exit code: 1```')).toBe(
      'ERROR: failed to solve: process "/bin/bash --login -c pip install flash-attn --no-build-isolation" did not complete successfully: exit code: 1',
    );
    expect(cleanLine('2024-05-01T10:00:00.0000000Z > #12 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2')).toBe(
      '#12 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    );
  });

  test("keeps BuildKit's error box header, giving back the space a paste lost", () => {
    expect(cleanLine(' > [builder 3/7] RUN make -j8:')).toBe(' > [builder 3/7] RUN make -j8:');
    expect(cleanLine('>  > [builder 3/7] RUN make -j8:')).toBe(' > [builder 3/7] RUN make -j8:');
    expect(cleanLine('> [builder 3/7] RUN make -j8:')).toBe(' > [builder 3/7] RUN make -j8:');
    expect(cleanLine('> > [builder 3/7] RUN make -j8:')).toBe(' > [builder 3/7] RUN make -j8:');
  });

  // dandi/dandi-hub#152: a GitHub Actions log pasted as a Markdown indented code block.
  test('loses the indent of a Markdown code block before a build line', () => {
    expect(cleanLine('    2024-05-01T04:29:56Z #16 323.3 RuntimeError: Found incorrect download: cuda-nvml-dev. Aborting')).toBe(
      '#16 323.3 RuntimeError: Found incorrect download: cuda-nvml-dev. Aborting',
    );
    expect(cleanLine('    #11 9.447   RuntimeError')).toBe('#11 9.447   RuntimeError');
    expect(cleanLine('\tStep 3/9 : RUN conda env create --copy -p /opt/env')).toBe('Step 3/9 : RUN conda env create --copy -p /opt/env');
    expect(cleanLine('     ---> Running in e228a7b3392e')).toBe(' ---> Running in e228a7b3392e');
  });

  // crazy4pi314/conda-devcontainer-demo#3: the Dev Containers CLI's log of a Codespaces build.
  test("loses the Dev Containers CLI's stamps, the leading one and one a lost newline left at the end", () => {
    expect(cleanLine('2023-10-06 06:17:18.362Z: #8 0.680 Traceback (most recent call last):2023-10-06 06:17:18.366Z: ')).toBe('#8 0.680 Traceback (most recent call last):');
    expect(cleanLine('2023-10-06 06:17:18.494Z: #8 0.680   File "/opt/conda/bin/mamba", line 7, in <module>2023-10-06 06:17:18.499Z: ')).toBe(
      '#8 0.680   File "/opt/conda/bin/mamba", line 7, in <module>',
    );
    // The same log's first line, the paste cut inside its stamp.
    const header = '#8 [dev_container_auto_added_stage_label 4/4] RUN if [ -f "/tmp/conda-tmp/environment.yml" ]; then umask 0002 && /opt/conda/bin/mamba env create -f /tmp/conda-tmp/environment.yml; fi     && rm -rf /tmp/conda-tmp';
    expect(cleanLine(`7:17.769Z: ${header}`)).toBe(header);
    expect(cleanLine('12:00 Z: not a frame')).toBe('12:00 Z: not a frame');
    // A time inside the text is the tool's own.
    expect(cleanLine('#8 0.680 started 2023-10-06 06:17:18 UTC')).toBe('#8 0.680 started 2023-10-06 06:17:18 UTC');
  });

  test("keeps a tool's own indent", () => {
    for (const line of ['      running build_ext', '    ERROR: Command errored out with exit status 1:', '    File "/opt/conda/lib/python3.11/site-packages/mamba/mamba.py", line 763', '     #include <cuda.h>', '      # 1 comment']) {
      expect(cleanLine(line)).toBe(line);
    }
  });

  test('leaves alone what only looks like quoting', () => {
    for (const line of [
      '  60 | >>> RUN pip install flash-attn',
      '>>> import torch',
      '>=3.8',
      '#5 0.312 > app@1.0.0 build',
      ' ---> Running in 3f2a1b',
      'Use `pip install -e .` to install',
      'echo ``',
      'a ``` b',
    ]) {
      expect(cleanLine(line)).toBe(line);
      expect(stripMarkdownQuoting(line)).toBe(line);
    }
  });
});


describe('Markdown bold around pasted lines', () => {
  // ej52/proxmox-scripts#80 (fixtures/rules/apt/apk-unable-to-select/match-markdown-bold-proxmox.log)
  test.each([
    ['opened on the first line', '**ERROR: unable to select packages:', 'ERROR: unable to select packages:'],
    ['closed on the last line', '    required by: world[yarn]**', '    required by: world[yarn]'],
  ])('%s: removed', (_what, raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  test.each([
    ['a pair on one line', '** BUILD FAILED **'],
    ["glib's warning marker", '(process:1): Gtk-WARNING **: cannot open display'],
    ['apart from the words at the start', '** note: text'],
    ['apart from the words at the end', 'error: glob matched nothing **'],
  ])('%s: kept', (_what, raw) => {
    expect(cleanLine(raw)).toBe(raw);
  });
});

describe('a whole line in Markdown bold', () => {
  test.each([
    // mozilla-services/socorro#4430 (fixtures/rules/pip/pipenv-lock-stale/match-jenkins-bold-line-socorro-4430.log): a
    // Jenkins clock inside the bold
    ['a CI clock inside', '**07:47:41 Your Pipfile.lock (8f9aeb) is out of date. Expected: (451ad5).**', 'Your Pipfile.lock (8f9aeb) is out of date. Expected: (451ad5).'],
    // fixtures/rules/runtime/gpu-runtime-missing/match-windows-10-host.log
    ['a tool line', '**docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].**', 'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].'],
    // fixtures/rules/apt/release-not-valid-yet/match-bare-docker-desktop-vscode-dev-containers.log
    ['a quoted line', '**"E: Release file for http://deb.debian.org/debian/dists/buster-updates/InRelease is not valid yet"**', '"E: Release file for http://deb.debian.org/debian/dists/buster-updates/InRelease is not valid yet"'],
  ])('%s: read without the markers', (_what, raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  test.each([
    // fixtures/rules/conda/incorrect-download/match-mamba1-no-package-name.log: a traceback's `**kwargs`
    ['a traceback line', '        return func(*args, **kwargs)'],
    // fixtures/rules/cuda/toolkit-not-found/match-deepspeed-nvcc-version-frame.log
    ['a lambda with two **kwargs', '    return lambda *args, **kwargs: self.run(grid=grid, warmup=False, *args, **kwargs)'],
    // fixtures/real/README.md: a Markdown table row with bold inside
    ['a table row', "| unbound-variable-ps1 | bash `-euo pipefail` sources Debian's bashrc: `/etc/bash.bashrc: line 7: PS1: unbound variable`, **exit code 127** | 1 |"],
    // an ignore file's glob lines (`.stylelintignore` in a stylelint setup guide; `.dockerignore` files list the same)
    ['an ignore-file glob', '**/node_modules/**'],
    ['an ignore-file glob', '**/__pycache__/**'],
    // GitHub Actions' masked secret (fixtures: `The push refers to repository [***/***]`)
    ['a masked secret', '***/***'],
    // fixtures/rules/buildx/exec-format-error/match-podman-run-amd64-image-on-arm64.log: a bold label, then text
    ['bold at the start only', '**WARNING:** image platform (linux/amd64) does not match the expected platform (linux/arm64)'],
    ['a pair on one line', '** BUILD FAILED **'],
    // a dunder name alone: a `.dockerignore` line (`__pycache__`, as .dockerignore examples list it)
    ['a dunder name', '__pycache__'],
  ])('%s: kept', (_what, raw) => {
    expect(cleanLine(raw)).toBe(raw);
  });
});

describe('composeServiceOf', () => {
  test.each([
    // vllm-project/vllm#1936 (fixtures/rules/cuda/no-kernel-image/match-vllm-compose-service-1936.log): compose v1
    ['compose v1', 'vllm_1   | RuntimeError: CUDA error: no kernel image is available for execution on the device', { printed: 'vllm_1', service: 'vllm' }],
    // fixtures/rules/cuda/driver-too-old/nomatch-ngc-banner-no-driver-version-fauxpilot.log: compose v2 with the project's name
    ['compose v2', 'fauxpilot-triton-1         | ERROR: This container was built for NVIDIA Driver Release 515.48 or later, but', { printed: 'fauxpilot-triton-1', service: 'fauxpilot-triton' }],
    // fixtures/rules/pip/wheel-build-failed/match-uv-local-project-compose.log: a container_name, no replica number
    ['a container name', 'szuru-toolkit  |   × Failed to build `szurubooru-toolkit @ file:///szurubooru-toolkit`', { printed: 'szuru-toolkit', service: 'szuru-toolkit' }],
  ])('%s', (_name, raw, expected) => {
    expect(cleanLine(raw)).not.toBe(raw);
    expect(composeServiceOf(raw)).toEqual(expected);
  });

  test.each([
    // fixtures/rules/cuda/driver-too-old/match-nvidia-docker-1-driver80-image90.log: nvidia-docker 1.0's own prefix
    ['nvidia-docker 1.0', 'nvidia-docker | 2017/11/21 00:48:39 Error: unsupported CUDA version: driver 8.0 < image 9.0.176'],
    ['a Dockerfile excerpt line', '  60 | >>> RUN make'],
    ['no prefix', 'RuntimeError: CUDA error: no kernel image is available for execution on the device'],
  ])('none: %s', (_name, raw) => {
    expect(composeServiceOf(raw)).toBeUndefined();
  });
});

describe('a line a terminal wrapped at 80 columns, copied with each row padded', () => {
  // turboderp/exllama#65 as pasted: rows of 80 columns, each filled with spaces to 168.
  const pasted = readFileSync(new URL('../../fixtures/rules/cuda/unsupported-host-compiler/match-exllama-distro-nvcc115-wrapped-rows.log', import.meta.url), 'utf8').split('\n');

  test('one wrap: the word cut by the filler is whole again', () => {
    expect(cleanLine(pasted[0] ?? '')).toBe('/usr/include/c++/11/bits/std_function.h:530:146: error: parameter packs not expanded with ‘...’:');
  });

  test('many rows: every filler goes, the text between is kept', () => {
    const line = unpadWrappedRows(pasted[4] ?? '');
    expect(line).toContain('-DTORCH_API_INCLUDE_EXTENSION_H -DPYBIND11_COMPILER_TYPE');
    expect(line).toContain('-DPYBIND11_BUILD_ABI=');
    expect(line).toContain('-isystem /home/xxxxxx/miniconda3/envs/gptq/lib/python3.9/site-packages/torch/include -isystem /home/xxxxxx/');
    expect(line).not.toMatch(/ {3}/);
  });

  test('gcc\'s caret line of the same paste stays as printed', () => {
    expect(cleanLine(pasted[2] ?? '')).toBe(pasted[2]);
  });

  test('BuildKit\'s tty line padded to its right-aligned time stays as printed', () => {
    // fixtures/rules/buildkit/base-image-not-found/match-registry-mirror-timeout.log
    const tty = readFileSync(new URL('../../fixtures/rules/buildkit/base-image-not-found/match-registry-mirror-timeout.log', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => / {40,}\d+\.\ds$/.test(l));
    expect(tty.length).toBeGreaterThan(0);
    for (const l of tty) expect(unpadWrappedRows(l)).toBe(l);
  });
});
