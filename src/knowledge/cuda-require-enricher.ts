// The `cuda-require` enricher: for the NVIDIA Container Toolkit's `unsatisfied condition: cuda>=12.8`, the first
// drivers of that CUDA release (cuda-release-drivers.ts, NVIDIA's release notes) and what the log shows of the host's
// driver: the header of `nvidia-smi` (`Driver Version: 551.78   CUDA Version: 12.4`), and whether it is a Windows
// driver (Docker Desktop / WSL 2), whose numbers differ from Linux ones.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { firstDriversFor, RELEASE_DRIVERS, RELEASE_NOTES_URL, type ReleaseDrivers } from './cuda-release-drivers.js';

/** `390.138` vs `418.39`, part by part; a bare branch (`390`, from a package name) compares on the branch only. */
export function compareDrivers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/** The driver is older than the release's first on Linux and on Windows alike (the log need not say which host it is). */
function olderThan(driver: string, row: ReleaseDrivers): boolean {
  // a bare branch equal to the first driver's (`418` against 418.39) compares equal: not known to be older
  const below = (first: string) => compareDrivers(driver, first) < 0;
  return below(row.linux) && (row.windows === null || below(row.windows));
}

const branchOf = (driver: string): number => Number(driver.split('.')[0]);

/**
 * The newest release whose first drivers (Linux and Windows) this driver reaches: the CUDA an image may have on it; null
 * below the table. A bare branch (`390`, from the package `nvidia-390`) reaches a release only when its branch is newer
 * than the release's first driver's: any 390 driver runs CUDA 9.0 (384.81), not every one runs 9.1 (390.46).
 */
function driverRelease(driver: string): ReleaseDrivers | null {
  if (!driver.includes('.')) return RELEASE_DRIVERS.find((r) => branchOf(driver) > branchOf(r.linux) && (r.windows === null || branchOf(driver) > branchOf(r.windows))) ?? null;
  return RELEASE_DRIVERS.find((r) => compareDrivers(driver, r.linux) >= 0 && (r.windows === null || compareDrivers(driver, r.windows) >= 0)) ?? null;
}

/**
 * The image's requirement read for the reader when nvidia-container-cli named another condition than the CUDA one
 * (`brand = tesla`, `driver >= 410`): it prints only the last condition it tried (NVIDIA/nvidia-docker#861, where a GeForce
 * host with a driver older than CUDA 10.0's was told `brand = tesla`), while the requirement is a list of alternatives,
 * space-separated ones ORed and comma-separated ones ANDed (NVIDIA Container Toolkit, "Specialized Configurations with
 * Docker", Constraints). NVIDIA's CUDA images add `brand=tesla,driver>=N,driver<N+1` alternatives: data center GPUs on those
 * driver branches run the newer CUDA through forward compatibility (NVIDIA's CUDA Compatibility guide). Plain text, ending
 * with a space so a note after it reads on.
 */
function alternativeNote(cond: string, wanted: string, expr: string | undefined): string {
  const branches = [...new Set([...(expr ?? '').matchAll(/driver>=(\d{3})\b/g)].map((m) => m[1]!))];
  const brands = [...new Set([...(expr ?? '').matchAll(/brand=([a-z]{1,20})/g)].map((m) => m[1]!))];
  const others =
    branches.length > 0 && brands.length > 0
      ? `, or a ${brands.join(' / ')} GPU on driver branch ${branches.join(' or ')} (a data center GPU on those branches runs the newer CUDA through forward compatibility)`
      : ', or one of the brand / driver-branch alternatives after it, which only data center GPUs meet';
  return (
    `nvidia-container-cli names only the last condition it tried (${cond}), not the one that matters: the image's requirement is a list of alternatives, ` +
    `any one of which lets the container start: cuda>=${wanted}, a driver of CUDA ${wanted} or newer${others}. The host met none of them. `
  );
}

/**
 * `requiredCuda`; `alternativeNote` (the requirement's alternatives, when the toolkit named a brand or driver condition); `hostNote` (the driver and CUDA of the log's nvidia-smi header, as a sentence, or absent);
 * `driverBranch` / `linuxDriver` (the branch of the first Linux driver, `396` for CUDA 9.2, and that driver); `windowsDriver` / `anyDriver` (the driver to install, for a Windows host / for a host of unknown kind) and
 * `driverSource` (where the numbers come from, or how to check the update); `olderImage` (the CUDA an image must not
 * exceed to run on this driver, or how to read it). Plain text: values are not code spans.
 */
export function cudaRequireEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const wanted = captures['context.requireCuda.need'];
  if (wanted === undefined) return {};
  const driver = captures['context.smiHeader.driver'];
  const hostCuda = captures['context.smiHeader.cuda'];
  // the driver as the log names it anywhere (nvidia-smi, a package `nvidia-390`, a library `libcuda.so.390.138`)
  const named = driver ?? captures['context.hostDriver.driver'];
  const out: Record<string, string> = { requiredCuda: wanted };
  const cond = captures['context.requireAlternative.cond'];
  if (cond !== undefined) out.alternativeNote = alternativeNote(cond, wanted, captures['context.requireExpr.expr']);
  if (driver !== undefined && hostCuda !== undefined) out.hostNote = `The host's driver, ${driver}, supports CUDA ${hostCuda} (the header of its nvidia-smi).`;
  out.olderImage =
    hostCuda !== undefined
      ? `an image built for CUDA ${hostCuda} or older (the driver's)`
      : "an image built for a CUDA no newer than the driver's (CUDA Version in the header of nvidia-smi on the host)";
  const check = `After the update, the header of nvidia-smi shows CUDA Version ${wanted} or higher.`;
  const row = firstDriversFor(wanted);
  if (row === null) {
    out.windowsDriver = `a Windows NVIDIA driver of CUDA ${wanted} or newer`;
    out.anyDriver = `a driver of CUDA ${wanted} or newer`;
    out.driverSource = check;
    return out;
  }
  const release = `CUDA ${row.cuda}`;
  if (named !== undefined && hostCuda === undefined && olderThan(named, row)) {
    const windows = row.windows === null ? '' : ` (${row.windows} on Windows)`;
    out.hostDriverOlder = `The log names the host's driver: ${named}. That is older than ${row.linux}, the first Linux driver of ${release}${windows}, which the image needs.`;
    const reached = driverRelease(named);
    const oldest = RELEASE_DRIVERS[RELEASE_DRIVERS.length - 1]!;
    out.olderImage =
      reached !== null
        ? `an image built for CUDA ${reached.cuda} or older (driver ${named} reaches the first drivers of CUDA ${reached.cuda})`
        : `an image built for a CUDA older than ${oldest.cuda} (driver ${named} is older than ${oldest.linux}, the first of CUDA ${oldest.cuda})`;
  }
  // the branch of the release's first Linux driver: the Ubuntu package of a driver is named by its branch
  out.driverBranch = String(branchOf(row.linux));
  out.linuxDriver = `${row.linux}, the first Linux driver of ${release}`;
  out.windowsDriver = row.windows === null ? `a Windows NVIDIA driver of ${release} or newer` : `a Windows NVIDIA driver ≥ ${row.windows} (the first of ${release})`;
  out.anyDriver =
    `≥ ${row.linux} on a Linux host (the first of ${release}), ` +
    (row.windows === null ? `a driver of ${release} or newer on Windows` : `≥ ${row.windows} on Windows`) +
    ', whose driver Docker Desktop and WSL 2 use';
  out.driverSource =
    `The first drivers of each CUDA release: NVIDIA's CUDA release notes, Table 3 (${RELEASE_NOTES_URL})` +
    (row.windows === null ? `, which gives no Windows number for ${release}. ${check}` : '.');
  return out;
}
