// The first NVIDIA driver of each CUDA release, on Linux and on Windows: what a `cuda>=X.Y` requirement of the
// NVIDIA Container Toolkit asks of the host.
//
// Why not the minor-version minimum (cuda-driver.ts): an image's NVIDIA_REQUIRE_CUDA (`cuda>=12.8`, set by NVIDIA's
// CUDA images) is checked by nvidia-container-cli against the CUDA version of the host's driver itself, before the
// container starts, and a driver of an older release of the same family fails it: driver 460.73 refused an 11.5.2
// image and ran an 11.4.3 one (NVIDIA/nvidia-container-toolkit#213), though 450.80.02 runs all of CUDA 11.x by minor
// version compatibility. The check compares version numbers (libnvidia-container's dsl.c, dsl_compare_version) and
// prints `requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer version, or use
// an earlier cuda container`.
//
// Numbers: NVIDIA's CUDA Toolkit release notes, Table 3 "CUDA Toolkit and Corresponding Driver Versions"
// (https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/, the 13.2 edition), the GA row of each release: the first
// driver of that release. Windows drivers have numbers of their own; the table gives none for CUDA 13.x ("N/A":
// from 13.1 the Windows installer no longer bundles a driver). Cross-checked: 12.8 GA ≥ 570.26 / ≥ 570.65 and
// 12.6.3 ≥ 560.35.05 / ≥ 561.17 in public compatibility tables that cite the same notes (b-data's CUDA version
// matrix; a Triton deployment guide); 12.4 Update 1's Windows 551.78 is the driver of a Windows host that reported
// `CUDA Version: 12.4` (SyneRBI/PETRIC2#27). Before 10.0 the table names the release and its build: 9.2 is 9.2.88
// (9.2.148, Update 1, asks ≥ 396.37 / ≥ 398.26), 9.1 is 9.1.85, 9.0 is 9.0.76, 8.0 is 8.0.44 (8.0.61 GA2 asks ≥ 375.26 /
// ≥ 376.51); 9.1's Linux number reads 387.26 in copies of older editions and 390.46 in the current one, kept here. An
// NVIDIA maintainer gave the same boundary for 9.2: "For CUDA 9.2 you need a 396 driver" (NVIDIA/nvidia-docker#745). Docker Desktop and WSL 2 use the Windows driver (NVIDIA's CUDA on WSL
// User Guide: no Linux driver is installed inside WSL 2).

export const RELEASE_NOTES_URL = 'https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/';

export interface ReleaseDrivers {
  /** `major.minor` of the release. */
  cuda: string;
  linux: string;
  /** null where Table 3 gives no Windows number. */
  windows: string | null;
}

/** GA rows of Table 3, newest first. */
export const RELEASE_DRIVERS: readonly ReleaseDrivers[] = [
  { cuda: '13.2', linux: '595.45.04', windows: null },
  { cuda: '13.1', linux: '590.44.01', windows: null },
  { cuda: '13.0', linux: '580.65.06', windows: null },
  { cuda: '12.9', linux: '575.51.03', windows: '576.02' },
  { cuda: '12.8', linux: '570.26', windows: '570.65' },
  { cuda: '12.6', linux: '560.28.03', windows: '560.76' },
  { cuda: '12.5', linux: '555.42.02', windows: '555.85' },
  { cuda: '12.4', linux: '550.54.14', windows: '551.61' },
  { cuda: '12.3', linux: '545.23.06', windows: '545.84' },
  { cuda: '12.2', linux: '535.54.03', windows: '536.25' },
  { cuda: '12.1', linux: '530.30.02', windows: '531.14' },
  { cuda: '12.0', linux: '525.60.13', windows: '527.41' },
  { cuda: '11.8', linux: '520.61.05', windows: '520.06' },
  { cuda: '11.7', linux: '515.43.04', windows: '516.01' },
  { cuda: '11.6', linux: '510.39.01', windows: '511.23' },
  { cuda: '11.5', linux: '495.29.05', windows: '496.04' },
  { cuda: '11.4', linux: '470.42.01', windows: '471.11' },
  { cuda: '11.3', linux: '465.19.01', windows: '465.89' },
  { cuda: '11.2', linux: '460.27.03', windows: '460.82' },
  { cuda: '11.1', linux: '455.23', windows: '456.38' },
  { cuda: '11.0', linux: '450.51.05', windows: '451.48' },
  { cuda: '10.2', linux: '440.33', windows: '441.22' },
  { cuda: '10.1', linux: '418.39', windows: '418.96' },
  { cuda: '10.0', linux: '410.48', windows: '411.31' },
  { cuda: '9.2', linux: '396.26', windows: '397.44' },
  { cuda: '9.1', linux: '390.46', windows: '391.29' },
  { cuda: '9.0', linux: '384.81', windows: '385.54' },
  { cuda: '8.0', linux: '367.48', windows: '369.30' },
];

function versionKey(cuda: string): number | null {
  const m = /^(\d{1,2})\.(\d{1,2})$/.exec(cuda);
  return m === null ? null : Number(m[1]) * 100 + Number(m[2]);
}

/**
 * The first release whose driver satisfies `cuda>=<wanted>`: the oldest release in the table not older than
 * `wanted` (`12.7`, which was never released, → 12.8). Null for a version outside the table.
 */
export function firstDriversFor(wanted: string): ReleaseDrivers | null {
  const key = versionKey(wanted);
  const oldest = RELEASE_DRIVERS[RELEASE_DRIVERS.length - 1]!;
  if (key === null || key < versionKey(oldest.cuda)!) return null;
  let found: ReleaseDrivers | null = null;
  for (const row of RELEASE_DRIVERS) if (versionKey(row.cuda)! >= key) found = row;
  return found;
}
