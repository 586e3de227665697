// The `run-command` enricher: the image of a `docker run` line and that command asking for GPUs, read from
// real command lines (each quoted from the thread named beside it).
import { describe, expect, test } from 'vitest';
import { parseRunCommand, runCommandEnrich } from '../../src/knowledge/run-command-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const noFacts = factsFor({}, null, makeModel());

function enrich(head: string, args: string): Record<string, string> {
  return runCommandEnrich({ 'context.runCommand.head': head, 'context.runCommand.args': args }, null, makeModel(), noFacts);
}

describe('parseRunCommand', () => {
  test.each([
    // openai/gpt-2#204
    ['-it gpt-2 bash', 'gpt-2', false],
    // OpenBMB/XAgent#273: options with values, `--gpus all`, `--ipc=host`
    ['-it -p 13520:13520  -v /huggingface/models/XAgentLLaMa-34B-preview/:/model:rw --gpus all --ipc=host xagentteam/xagentgen:latest python app.py --model-path /model --port 13520', 'xagentteam/xagentgen:latest', true],
    // medphisiker/pipeline_dvc (fixtures/rules/cuda/no-gpu-at-build)
    ['--rm -v $(pwd)/pipeline:/workspace -w /workspace vlmevalkit:v0.2rc1-cu124 python scripts/writer.py', 'vlmevalkit:v0.2rc1-cu124', false],
    // NVIDIA/retinanet-examples#278
    ['--gpus all --rm --ipc=host -it odtk:latest', 'odtk:latest', true],
  ])('%s → %s', (args, image, gpus) => {
    expect(parseRunCommand(args)).toMatchObject({ image, gpus });
  });

  test('a command continued on the next line has its image there: none read', () => {
    // FoundationVision/ByteTrack#302, the first line of the command
    expect(parseRunCommand('--gpus all -it --rm \\').image).toBeNull();
  });

  test('`--runtime=nvidia` alone is no request for GPUs: the image decides (NVIDIA_VISIBLE_DEVICES)', () => {
    // gw0/docker-keras#7
    expect(parseRunCommand('--runtime=nvidia -it --rm gw000/keras:2.1.4-py3-tf-gpu nvidia-smi ')).toEqual({ image: 'gw000/keras:2.1.4-py3-tf-gpu', gpus: false, runtimeOnly: true });
  });

  test('a word that is no image reference (a shell variable, capitals) is not taken for one', () => {
    expect(parseRunCommand('--rm $IMAGE nvidia-smi').image).toBeNull();
    expect(parseRunCommand('--rm MyImage nvidia-smi').image).toBeNull();
  });
});

describe('runCommandEnrich', () => {
  test('the user\'s own command with `--gpus all`, and with a bigger /dev/shm', () => {
    expect(enrich('docker run ', '-it gpt-2 bash')).toEqual({
      runImage: 'gpt-2',
      runWithGpus: 'docker run --gpus all -it gpt-2 bash',
      runWithShm: 'docker run --shm-size=1g -it gpt-2 bash',
      runInspect: 'docker buildx imagetools inspect gpt-2',
    });
  });

  test('a command that passes /dev/kfd gets the host group of /dev/kfd by number, the rest of the line kept', () => {
    // ROCm/ROCm-docker#116
    const out = enrich('docker run ', '-it --rm --device=/dev/kfd --device=/dev/dri --group-add video --ipc=host --shm-size 16G rocm/rocm-terminal:latest');
    expect(out.runWithKfdGroup).toBe(
      'docker run --group-add "$(stat -c %g /dev/kfd)" -it --rm --device=/dev/kfd --device=/dev/dri --group-add video --ipc=host --shm-size 16G rocm/rocm-terminal:latest',
    );
    // no ROCm device: nothing to add
    expect(enrich('docker run ', '-it --group-add video ubuntu bash').runWithKfdGroup).toBeUndefined();
  });

  test('a command that asks for GPUs gets no second `--gpus`, one with `--ipc` no `--shm-size`', () => {
    // OpenBMB/XAgent#273
    const out = enrich('docker run ', '-it -p 13520:13520  -v /huggingface/models/XAgentLLaMa-34B-preview/:/model:rw --gpus all --ipc=host xagentteam/xagentgen:latest python app.py --model-path /model --port 13520');
    expect(out).toEqual({ runGpus: 'yes', runImage: 'xagentteam/xagentgen:latest', runInspect: 'docker buildx imagetools inspect xagentteam/xagentgen:latest' });
  });

  test('sudo kept, and the word before `run` the user typed', () => {
    // loretoparisi/docker#11
    expect(enrich('sudo docker run ', '-it jitteam/devicequery ./deviceQuery').runWithGpus).toBe('sudo docker run --gpus all -it jitteam/devicequery ./deviceQuery');
  });

  test('podman asks for NVIDIA GPUs as a CDI device', () => {
    expect(enrich('podman run ', '--rm -it nvidia/cuda:12.4.1-base-ubuntu22.04 bash').runWithGpus).toBe('podman run --device nvidia.com/gpu=all --rm -it nvidia/cuda:12.4.1-base-ubuntu22.04 bash');
  });

  test('nvidia-docker starts containers with GPUs', () => {
    // pytorch/pytorch#21259
    expect(enrich('nvidia-docker run ', '--rm -ti --ipc=host pytorch/pytorch:latest')).toEqual({
      runGpus: 'yes',
      runImage: 'pytorch/pytorch:latest',
      runInspect: 'docker buildx imagetools inspect pytorch/pytorch:latest',
    });
  });

  test("an image of another platform: its tag's platforms, and the same command asking for the image's platform", () => {
    // vllm-project/vllm#30076: podman's warning names the image's platform
    const out = runCommandEnrich(
      { 'context.runCommand.head': 'podman run ', 'context.runCommand.args': '--name vllm-cpu --rm public.ecr.aws/q9t5s3a7/vllm-cpu-release-repo:v0.12.0', 'context.platformWarning.image': 'linux/amd64' },
      null,
      makeModel(),
      noFacts,
    );
    expect(out.runInspect).toBe('skopeo inspect --raw docker://public.ecr.aws/q9t5s3a7/vllm-cpu-release-repo:v0.12.0');
    expect(out.runOnPlatform).toBe('podman run --platform linux/amd64 --name vllm-cpu --rm public.ecr.aws/q9t5s3a7/vllm-cpu-release-repo:v0.12.0');
  });

  test('nothing without the line', () => {
    expect(runCommandEnrich({}, null, makeModel(), noFacts)).toEqual({});
  });
});
