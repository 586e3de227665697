// The `symbol-driver` enricher: for `cudaErrorSymbolNotFound` as cuDNN starts (runtime/cuda-kernel-symbol-not-found), the
// host driver against the container's CUDA. The header of `nvidia-smi` names the driver and the newest CUDA it runs
// (`Driver Version: 535.104.05   CUDA Version: 12.2`); the container's CUDA is the build's `cuda` fact (its base image or
// toolkit). An older driver CUDA than the container's is the cause google-deepmind/alphafold3#79 found (a CUDA 12.6 container,
// run once the host had a newer driver); the driver to install is the first of the container's release, NVIDIA's release notes
// Table 3 (cuda-release-drivers.ts). A driver CUDA not older than the container's clears the driver.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { firstDriversFor, RELEASE_NOTES_URL } from './cuda-release-drivers.js';
import { compareVersions } from '../text/compare-versions.js';

/** `{enrich.driverStep}`: a sentence of the fix about the host's driver, from what the log shows; always set. */
export function symbolDriverEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const driver = captures['context.smiHeader.driver'];
  const hostCuda = captures['context.smiHeader.cuda'];
  const imageCuda = facts.value('cuda') ?? undefined;
  const row = imageCuda === undefined ? null : firstDriversFor(imageCuda);
  const need =
    row === null
      ? "the first driver of the container's CUDA release (NVIDIA's CUDA release notes, Table 3: " + RELEASE_NOTES_URL + ')'
      : `${row.linux} or newer on Linux (the first driver of CUDA ${row.cuda}, NVIDIA's CUDA release notes, Table 3: ${RELEASE_NOTES_URL})`;
  if (driver !== undefined && hostCuda !== undefined && imageCuda !== undefined) {
    return compareVersions(hostCuda, imageCuda) < 0
      ? {
          driverStep:
            `The log's nvidia-smi shows driver ${driver}, which runs CUDA ${hostCuda} at most, and the container has CUDA ${imageCuda}: ` +
            `the driver is older than the container's CUDA. Update the host's driver to ${need}.`,
        }
      : {
          driverStep:
            `The log's nvidia-smi shows driver ${driver}, which runs CUDA ${hostCuda}, not older than the container's CUDA ${imageCuda}: ` +
            'the driver is not the cause; look at the cuDNN and CUDA runtime the process loads (below).',
        };
  }
  const shown =
    driver !== undefined && hostCuda !== undefined
      ? `The log's nvidia-smi shows driver ${driver}, which runs CUDA ${hostCuda} at most; compare it with the container's CUDA (above). `
      : '';
  return { driverStep: `${shown}If the header's "CUDA Version" is older than the container's CUDA, update the host's driver to ${need}.` };
}
