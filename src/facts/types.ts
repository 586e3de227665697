// The build-facts stage's boundary: what the log proves about the build, each value with the line
// that proves it. Facts are read between the build model and the rules, so a fix can be written for
// this build (its CUDA, distro release, installer, place) instead of for a generic one.

/** The facts this stage reads. */
export type FactName =
  /** A stage's base image as BuildKit printed it (`nvidia/cuda:12.4.1-devel-ubuntu22.04`). */
  | 'baseImage'
  /** CUDA toolkit version, `major.minor` (`12.4`): nvcc, CMake, the environment, paths, packages, the image tag. */
  | 'cuda'
  /** cuDNN major version (`8`, `9`) from the image tag, packages or sonames. */
  | 'cudnn'
  /** The NVIDIA image flavour: `base`, `runtime`, `devel` (nvidia/cuda), `ngc` (nvcr.io framework images). */
  | 'imageFlavour'
  /** Operating system and release as people write it: `Ubuntu 22.04`, `Debian 12`, `UBI 9`. */
  | 'os'
  /** NVIDIA's CUDA package repository in use: `ubuntu1804/x86_64`. */
  | 'nvidiaRepo'
  /** The platform built for: `linux/amd64`, `linux/arm64`. */
  | 'platform'
  /** Python `major.minor`. */
  | 'python'
  /** The installer a step used: `pip`, `uv`, `conda`, `mamba`, `micromamba`, `poetry`, `pdm`, `pipenv`. */
  | 'installer'
  /** pip's own version (`23.0.1`). */
  | 'pip'
  /** torch / torchvision / torchaudio versions as installed or resolved (`2.3.1+cu121`). */
  | 'torch'
  | 'torchvision'
  | 'torchaudio'
  /** The CUDA torch was built for, as PyTorch names its wheel index (`cu121`, `cpu`). */
  | 'torchCuda'
  /** Where the failing commands ran: `image-build`, `docker-run`, `host-shell`. */
  | 'place'
  /**
   * `github-hosted` or `self-hosted` (a GitHub Actions runner); `github-actions` when the log shows only that the build
   * ran in a GitHub Actions job (docker/build-push-action's failure line), not on which kind of runner.
   */
  | 'runner'
  /**
   * The build host's platform as the log shows it: Docker's `detected host platform (linux/arm64/v8)`, or `arm` (32- or
   * 64-bit unknown) from a Raspberry Pi's shell prompt. The host runs the builder, so a stage of another platform needs emulation.
   */
  | 'hostPlatform'
  /**
   * The operating system of the machine that ran the failing commands, when the log shows one that is not Linux:
   * `windows` from Windows paths (`C:\Users\…`) or a PowerShell prompt. Linux is the default and is not recorded.
   */
  | 'hostOs'
  /**
   * A docker compose service whose output the log shows, from compose's prefix (`vllm_1   | …`): the name as compose
   * printed it less the replica number (`vllm`; `fauxpilot-triton` from compose v2's `fauxpilot-triton-1`).
   */
  | 'composeService';

export const factNames: readonly FactName[] = [
  'baseImage',
  'cuda',
  'cudnn',
  'imageFlavour',
  'os',
  'nvidiaRepo',
  'platform',
  'python',
  'installer',
  'pip',
  'torch',
  'torchvision',
  'torchaudio',
  'torchCuda',
  'place',
  'runner',
  'hostPlatform',
  'hostOs',
  'composeService',
];

/** One value of a fact and its proof. */
export interface FactValue {
  value: string;
  /** What the value was read from: `nvcc`, `cmake`, `image-tag`, `wheel`, `apt`, `instruction`, … */
  source: string;
  /** The line that proves it, as in the log (cleaned, bounded). */
  evidence: string;
  /** 1-based raw line number of the evidence, 0 when derived from another fact. */
  line: number;
  /** Stage of the step the line belongs to, null when outside a named stage. */
  stage: string | null;
  /** The bake / compose target of that step (two targets' `builder` stages are two stages); none in a plain build. */
  target?: string | null;
  /** Step id, null when outside any step. */
  step: number | null;
}

/**
 * A stage's base image as the Dockerfile declares it, ARG defaults substituted: a fact only where
 * the log shows no base image (the log has build args resolved; a default may have been overridden).
 */
export interface DeclaredBase {
  image: string;
  /** The stage as BuildKit names it (`builder`, `stage-0`). */
  stage: string;
  /** `FROM nvcr.io/nvidia/pytorch:23.04-py3 (Dockerfile:4, ARG defaults)`: what the fact's evidence says. */
  evidence: string;
}

/** Every distinct value of each fact, in order of appearance (bounded per fact). */
export type BuildFacts = Partial<Record<FactName, readonly FactValue[]>>;

/** A fact as the JSON report gives it: the value a fix trusts, and the other values the log showed. */
export interface ReportedFact {
  value: string;
  source: string;
  evidence: string;
  line: number;
  stage: string | null;
  /** Other values of the same fact (other stages, or a log that disagrees with itself). */
  others?: { value: string; source: string; evidence: string; line: number; stage: string | null }[];
}
