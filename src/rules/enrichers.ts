// Named enrichers: built-in pure functions a rule can ask for by name (`enrich: 'cuda-arches'`)
// to add `{enrich.<key>}` values to its message and fix. Rules stay data: a user's rule can name
// an enricher, never supply one. To add one, add an entry to `enrichers` below.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import type { Rule } from './schema.js';
import { blackwellTorchEnrich, cudaArchesEnrich, cudaVersionEnrich } from '../knowledge/cuda-arch-enricher.js';
import { debianLtsEndedEnrich } from '../knowledge/debian-lts-ended-enricher.js';
import { vendorAptKeyEnrich } from '../knowledge/vendor-apt-key-enricher.js';
import { noTorchIndexEnrich } from '../knowledge/no-torch-index-enricher.js';
import { stepDurationEnrich } from '../knowledge/step-duration.js';
import { runningStepEnrich } from '../knowledge/running-step.js';
import { archListsEnrich } from '../knowledge/arch-list-enricher.js';
import { cuptiEnrich } from '../knowledge/cupti-enricher.js';
import { extensionBuildEnrich } from '../knowledge/extension-build-enricher.js';
import { nvidiaKeyEnrich } from '../knowledge/nvidia-key-enricher.js';
import { cudaImageTagEnrich } from '../knowledge/cuda-tag-enricher.js';
import { latestTagEnrich } from '../knowledge/latest-tag-enricher.js';
import { stepOutcomeEnrich } from '../knowledge/step-outcome.js';
import { memoryKnobsEnrich } from '../knowledge/memory-knobs-enricher.js';
import { commandPackageEnrich } from '../knowledge/command-package.js';
import { gitInstallEnrich } from '../knowledge/git-install-enricher.js';
import { lowercaseTagEnrich } from '../knowledge/lowercase-tag-enricher.js';
import { buildOutputPathEnrich } from '../knowledge/build-output-path.js';
import { osPythonPackageEnrich } from '../knowledge/os-python-package-enricher.js';
import { pipAdviceEnrich } from '../knowledge/pip-advice-enricher.js';
import { wheelSizeEnrich } from '../knowledge/wheel-size-enricher.js';
import { torchPythonEnrich } from '../knowledge/torch-python.js';
import { requiresPythonWallEnrich } from '../knowledge/requires-python-wall.js';
import { torchReplacementEnrich } from '../knowledge/torch-replacement.js';
import { extensionCudaEnrich } from '../knowledge/pyg-wheels.js';
import { flashAttnWheelEnrich } from '../knowledge/flash-attn-wheel-enricher.js';
import { aptExitEnrich } from '../knowledge/apt-exit.js';
import { numpyAbiDirectionEnrich } from '../knowledge/numpy-abi-direction.js';
import { condaSolveEnrich } from '../knowledge/conda-solve.js';
import { condaStepPinEnrich } from '../knowledge/conda-step-pin.js';
import { condaMissingSpecsEnrich } from '../knowledge/conda-missing-specs.js';
import { torchSymbolEnrich } from '../knowledge/torch-symbol.js';
import { xformersBuildEnrich } from '../knowledge/xformers-build-enricher.js';
import { cudaDriverEnrich } from '../knowledge/cuda-driver.js';
import { cudaRequireEnrich } from '../knowledge/cuda-require-enricher.js';
import { symbolDriverEnrich } from '../knowledge/symbol-driver-enricher.js';
import { aptDroppedEnrich } from '../knowledge/apt-dropped-enricher.js';
import { apkRemovedEnrich } from '../knowledge/apk-removed-enricher.js';
import { aptReplacedEnrich } from '../knowledge/apt-replaced.js';
import { aptPinnedInstallEnrich } from '../knowledge/apt-pinned-install-enricher.js';
import { apkPinMovedEnrich, apkPinsEnrich } from '../knowledge/apk-pins-enricher.js';
import { aptEolStepEnrich } from '../knowledge/apt-eol-step-enricher.js';
import { vendorNoReleaseEnrich } from '../knowledge/vendor-no-release-enricher.js';
import { runImageEnrich } from '../knowledge/run-image-enricher.js';
import { runCommandEnrich } from '../knowledge/run-command-enricher.js';
import { condaNetworkEnrich } from '../knowledge/conda-network-enricher.js';
import { cmakeArgsEnrich } from '../knowledge/cmake-args-enricher.js';
import { cmakeArchLineEnrich } from '../knowledge/cmake-arch-line-enricher.js';
import { ldCacheCompatEnrich } from '../knowledge/ld-cache-compat-enricher.js';
import { torchMinimumEnrich } from '../knowledge/torch-minimum-enricher.js';
import { cmakeNotfoundEnrich } from '../knowledge/cmake-notfound-enricher.js';
import { aptReleaseMixEnrich } from '../knowledge/apt-release-mix-enricher.js';
import { glibcImageEnrich } from '../knowledge/glibc-image.js';
import { pipTagEnrich } from '../knowledge/pip-tag-enricher.js';
import { kernelArchEnrich } from '../knowledge/kernel-arch-enricher.js';
import { unpinnedFlashAttnEnrich } from '../knowledge/unpinned-flash-attn-enricher.js';
import { eolReleaseEnrich } from '../knowledge/eol-release-enricher.js';
import { installerCommandEnrich } from '../knowledge/installer-command-enricher.js';
import { uvLockRequirementsEnrich } from '../knowledge/uv-lock-requirements-enricher.js';
import { cpuTorchEnrich } from '../knowledge/cpu-torch-enricher.js';
import { pipCacheEnrich } from '../knowledge/pip-cache-enricher.js';
import { unpinnedTorchEnrich } from '../knowledge/unpinned-torch-enricher.js';
import { toolBinDirEnrich } from '../knowledge/tool-bin-dir-enricher.js';
import { selfInstalledEnrich } from '../knowledge/self-installed-enricher.js';
import { pythonToolEnrich } from '../knowledge/python-tool-enricher.js';
import { poetryInstallEnrich } from '../knowledge/poetry-install-enricher.js';
import { ctypesLibraryEnrich } from '../knowledge/ctypes-library-enricher.js';
import { foreignBaseEnrich } from '../knowledge/foreign-base-enricher.js';
import { hostCompilerCudaEnrich } from '../knowledge/host-compiler-cuda.js';
import { askedArchEnrich } from '../knowledge/asked-arch-enricher.js';
import { emptyBuildArgEnrich } from '../knowledge/empty-build-arg-enricher.js';
import { torchKnownArchEnrich } from '../knowledge/torch-arch-enricher.js';
import { buildPlatformsEnrich } from '../knowledge/build-platforms-enricher.js';
import { sourceBuildPythonEnrich } from '../knowledge/source-build-python-enricher.js';
import { pythonGuardEnrich } from '../knowledge/python-guard.js';
import { libstdcxxEnrich } from '../knowledge/libstdcxx.js';
import { cargoUvMissingEnrich } from '../knowledge/cargo-uv-missing.js';
import { repoKeyOrderEnrich } from '../knowledge/apt-repo-key-order.js';
import { torchPrereleasePinEnrich } from '../knowledge/torch-prerelease-pin.js';
import { cacheExportStepEnrich, inlineCacheStepEnrich } from '../knowledge/cache-export-step.js';
import { cudaLibMajorEnrich } from '../knowledge/cuda-lib-major.js';
import { ninjaProgressEnrich } from '../knowledge/ninja-progress.js';
import { torchSwapEnrich } from '../knowledge/torch-swap-enricher.js';
import { distroNvccEnrich } from '../knowledge/distro-nvcc-enricher.js';
import { deadsnakesBaseEnrich } from '../knowledge/deadsnakes-enricher.js';

/**
 * The first value of each named capture of the rule's matches, plus `context.<name>.<group>`
 * for the groups of remembered context hits (and `context.<name>` for the context line itself).
 */
export type CaptureValues = Readonly<Record<string, string>>;

/**
 * Returns `{key: value}` pairs, offered to templates as `{enrich.key}`. `facts` is what the log
 * proves about the build, as seen from the finding's step. Must not throw.
 */
export type Enricher = (captures: CaptureValues, step: Step | null, model: BuildModel, facts: FactView) => Record<string, string>;

/** The enrichers a rule names, in order (one name or a list). */
export function enricherNames(rule: Pick<Rule, 'enrich'>): string[] {
  return rule.enrich === undefined ? [] : typeof rule.enrich === 'string' ? [rule.enrich] : rule.enrich;
}

export const enrichers: Record<string, Enricher> = {
  /** CUDA version of the failing step and the GPU architectures it accepts (`{enrich.verdict}`, …). */
  'cuda-arches': cudaArchesEnrich,
  /** The torch a GeForce RTX 50 series GPU (sm_120) needs, from the CUDA and wheel tables (`{enrich.blackwellTorch}`). */
  'blackwell-torch': blackwellTorchEnrich,
  /** CUDA version of the step's toolkit or base image, its apt suffix and `-devel` image (`{enrich.aptSuffix}`, …). */
  'cuda-version': cudaVersionEnrich,
  'no-torch-index': noTorchIndexEnrich,
  /** How long the step ran, as a sentence (`{enrich.durationNote}`), empty without timestamps. */
  'step-duration': stepDurationEnrich,
  /** The build step still running when the log ends, as a sentence (`{enrich.runningNote}`), for jobs stopped from outside. */
  'running-step': runningStepEnrich,
  /** An arch list the step's toolkit accepts, in torch / CMake / nvcc notation (`{enrich.torchArchList}`, …). */
  'arch-lists': archListsEnrich,
  /** CUPTI's packages and soname for the step's CUDA (`{enrich.cuptiApt}`, `{enrich.cuptiLoadCheck}`, …). */
  cupti: cuptiEnrich,
  /** The rebuild command of a CUDA extension with the installer in use, and its build knobs (`{enrich.rebuild}`, `{enrich.knobs}`). */
  'extension-build': extensionBuildEnrich,
  /** For flash-attn compiled from source: its release's prebuilt wheel for this torch / CUDA / Python, or why there is none (`{enrich.faWheelUrl}`, `{enrich.faNote}`). */
  'flash-attn-wheel': flashAttnWheelEnrich,
  /** For an extension missing a symbol of PyTorch's C++ library: the symbol, its ABI, the rebuild (`{enrich.symbolName}`, `{enrich.abiNote}`, `{enrich.rebuild}`). */
  'torch-symbol': torchSymbolEnrich,
  /** For xFormers' `built for: PyTorch X (you have Y)`: pip lines for the xformers of torch Y, or torch X back (`{enrich.xfMatchFix}`, `{enrich.xfRollbackFix}`, `{enrich.xfCpuFix}`). */
  'xformers-build': xformersBuildEnrich,
  /** The host driver an image's CUDA needs, and the CUDA of the driver torch found (`{enrich.driverNeed}`, `{enrich.hostCuda}`). */
  'cuda-driver': cudaDriverEnrich,
  /** For the container toolkit's `cuda>=X.Y` requirement: the first drivers of that release, Linux and Windows, and the host's from nvidia-smi (`{enrich.anyDriver}`, `{enrich.windowsDriver}`). */
  'cuda-require': cudaRequireEnrich,
  /** For cudaErrorSymbolNotFound as cuDNN starts: the host driver of the log's nvidia-smi against the container's CUDA (`{enrich.driverStep}`). */
  'symbol-driver': symbolDriverEnrich,
  /** NVIDIA's current repository key for the repo in the log (`{enrich.keyUrl}`, `{enrich.keyInstall}`). */
  'nvidia-key': nvidiaKeyEnrich,
  /** Install commands in the step's installer's form naming the log's package, and the pair of a pip conflict (`{enrich.noIsolationCmd}`, `{enrich.conflict}`). */
  'pip-advice': pipAdviceEnrich,
  /** A wheel size guard's limit raised above the wheel's `{size}` MB, to the next 50 (`{enrich.aboveSize}`). */
  'wheel-size': wheelSizeEnrich,
  'torch-python': torchPythonEnrich,
  /** pip's skipped Requires-Python releases read as a Python too new for them (`{enrich.pyWallBound}`, `{enrich.pyWallNewest}`). */
  'requires-python-wall': requiresPythonWallEnrich,
  /** A repository the failing step adds before any key for it: the key into a keyring and the source with signed-by (`{enrich.repoSource}`, `{enrich.repoKeyring}`). */
  'repo-key-order': repoKeyOrderEnrich,
  /** A dated torch nightly or an Intel XPU `a0` pin that its index no longer serves (`{enrich.nightlyReleaseCmd}`, `{enrich.xpuCheckCmd}`). */
  'torch-prerelease-pin': torchPrereleasePinEnrich,
  /** What the torch pip put in place of another one is: the CPU-only build, or a build for another CUDA (`{enrich.replacementNote}`). */
  'torch-replacement': torchReplacementEnrich,
  /** A PyG extension wheel built for another CUDA major than torch's: the versions and the page of matching wheels (`{enrich.mismatch}`, `{enrich.install}`). */
  'extension-cuda': extensionCudaEnrich,
  /** For an nvidia/cuda tag that did not resolve: its form and a command listing existing tags (`{enrich.listCudaTags}`). */
  'cuda-image-tag': cudaImageTagEnrich,
  /** For an image asked for as `latest` that has no such tag: its Docker Hub repository and a command listing its tags, or nvidia/cuda's newest base tag (`{enrich.listRepoTags}`, `{enrich.newestCudaBase}`). */
  'latest-tag': latestTagEnrich,
  /** How the step ended, only as far as the log shows (`{enrich.exitNote}`: `It exited with code 2.` or empty). */
  'step-outcome': stepOutcomeEnrich,
  /** For a step calling `~/.cargo/bin/uv`: whether that path is the one not found, as far as the log shows (`{enrich.cargoUvMissing}`). */
  'cargo-uv-missing': cargoUvMissingEnrich,
  /** Where a ninja build stood when its output ends: `{enrich.doneEdges}` of `{enrich.totalEdges}`, and `{enrich.stopped}` when it had not finished. */
  'ninja-progress': ninjaProgressEnrich,
  /** Whether the finding's step is BuildKit's export to the GitHub Actions cache (`{enrich.ghaExportStep}`). */
  'cache-export-step': cacheExportStepEnrich,
  /** Whether the build shows BuildKit's `preparing layers for inline cache` step (`{enrich.inlineCacheStep}`). */
  'inline-cache-step': inlineCacheStepEnrich,
  /** Variables that lower a compile's memory for the package built (`{enrich.jobsEnv}`), and the runner's memory (`{enrich.runnerNote}`). */
  'memory-knobs': memoryKnobsEnrich,
  /** The package that provides a missing command for the distro in fact `os`, or how to look it up (`{enrich.installLine}`). */
  'command-package': commandPackageEnrich,
  /** git's package and install line for the distro in fact `os`, for an installer that cannot find git (`{enrich.installLine}`). */
  'git-install': gitInstallEnrich,
  /** Where an earlier step installed a command the shell cannot find, when the log shows it (`{enrich.toolBinDir}`, `{enrich.toolBinWhy}`). */
  'tool-bin-dir': toolBinDirEnrich,
  /** For a missing command no distribution package provides (conda): the earlier step meant to install it, its curl without -L, its prefix (`{enrich.selfInstallStep}`, `{enrich.selfCurlNoLocation}`, `{enrich.selfInstallPrefix}`). */
  'self-installed': selfInstalledEnrich,
  /** uv / Poetry: the install their docs give, and the stage that installed it or that this stage is built FROM. */
  'python-tool': pythonToolEnrich,
  /** How the build installed Poetry, from the earlier steps' instructions: the unpinned pip command (`{enrich.poetryPip}`), pipx, Poetry's installer. */
  'poetry-install': poetryInstallEnrich,
  /** A library a Python package looked up with ctypes.util.find_library: its OS package for the log's distro (`{enrich.ctInstall}`), the families, the wheels that bundle it. */
  'ctypes-library': ctypesLibraryEnrich,
  /** The base image of a stage whose shell is foreign, and the build host's architecture as the log shows it (`{enrich.foreignHost}`, `{enrich.foreignBase}`). */
  'foreign-base': foreignBaseEnrich,
  'host-compiler-cuda': hostCompilerCudaEnrich,
  /** The newest arch a failed nvcc command asks for, when the log shows no CUDA that compiles it (`{enrich.askedArch}`, `{enrich.askedNeeds}`, `{enrich.askedFallback}`). */
  'asked-arch': askedArchEnrich,
  /** `name==${VAR}` in the command and `name==` in pip's error: the empty variable(s) (`{enrich.emptyArgVars}`, `{enrich.emptyArgLines}`). */
  'empty-build-arg': emptyBuildArgEnrich,
  /** An arch torch.utils.cpp_extension does not know: the first torch that lists it, an upgrade command, an arch to keep (`{enrich.torchFirst}`, `{enrich.torchKeep}`). */
  'torch-known-arch': torchKnownArchEnrich,
  /** An image reference with capitals in its repository, lowercased as registries require (`{enrich.lowerTag}`). */
  'lowercase-tag': lowercaseTagEnrich,
  /** A COPY source that is a build tool's output folder: Next.js's `.next/standalone` (`enrich.nextStandalone`). */
  'build-output-path': buildOutputPathEnrich,
  /** A requirement that is a Linux distribution's own Python package, not on PyPI in its versions (`{enrich.osPkgName}`, `{enrich.osPkgPyPI}`, `{enrich.osPkgDeb}`). */
  'os-python-package': osPythonPackageEnrich,
  /** An `apt-get install` that exited 100 with no `E:` line in the log: its packages, and one that needs a Debian component besides main (`{enrich.componentPackage}`, `{enrich.componentsLine}`). */
  'apt-exit': aptExitEnrich,
  /** Cython's numpy size check read for its direction: the installed numpy older or newer than the build's (`{enrich.numpyOlder}`, `{enrich.numpyNewer}`, `{enrich.numpyUpgrade}`, `{enrich.sizeNote}`). */
  'numpy-abi-direction': numpyAbiDirectionEnrich,
  /** The spec file of a failed conda / mamba / micromamba solve and the same solve with `--dry-run` where a shell can run it (`{enrich.file}`, `{enrich.dryRun}`). */
  'conda-solve': condaSolveEnrich,
  /** The failing step's own pin on the package a classic solver's chains end in (`{enrich.stepPin}`, `{enrich.stepUnpinned}`). */
  'conda-step-pin': condaStepPinEnrich,
  /** Every spec a conda solve found nowhere: one search over all, a PyPI check of their names, the specs in pip's syntax (`{enrich.missingSearch}`, `{enrich.pypiCheck}`, `{enrich.pipSpecs}`). */
  'conda-missing-specs': condaMissingSpecsEnrich,
  /** A package a newer Debian / Ubuntu release dropped: its replacement, the release, the base pinned to Debian 12 (`{enrich.droppedReplacement}`, `{enrich.droppedPinnedImage}`). */
  'apt-dropped': aptDroppedEnrich,
  /** The base image of an Ubuntu release the deadsnakes PPA still builds for, from an Ubuntu 20.04-or-older base (`{enrich.deadsnakesFrom}`, `{enrich.deadsnakesNote}`). */
  'deadsnakes-base': deadsnakesBaseEnrich,
  /** A package newer Alpine releases no longer have: its replacement, which releases had it, the last one to pin (`{enrich.apkRemovedReplacement}`, `{enrich.apkRemovedLastRelease}`). */
  'apk-removed': apkRemovedEnrich,
  /** Packages apt knows only as an old name ("not available, but is referred to"): what replaces each, apt's own list, the install line with the swaps (`{enrich.replacedSwaps}`, `{enrich.replacedInstall}`). */
  'apt-replaced': aptReplacedEnrich,
  /** The failing step's `apt-get install` as written, pins and options kept (`{enrich.aptInstallArgs}`). */
  'apt-pinned-install': aptPinnedInstallEnrich,
  /** The failing step's `apk add` pins on exact package builds (`-rN`), eased two ways (`{enrich.apkRevisionPins}`, `{enrich.apkAnyBuild}`, `{enrich.apkMinorPins}`). */
  'apk-pins': apkPinsEnrich,
  /** An exact apk pin whose version the repository moved past: the major.minor of the version it has (`{enrich.apkCandidateMinor}`). */
  'apk-pin-moved': apkPinMovedEnrich,
  /** A failed apt step on a release moved off its distribution's mirrors, its error not in the log: the release and the archive (`{enrich.eolRelease}`, `{enrich.archiveCommand}`, `{enrich.eolMirror}`). */
  'apt-eol-step': aptEolStepEnrich,
  /** A third-party apt repository with no `Release` file for a suite: the suite's release, and the vendor's archive of dropped releases (`{enrich.vendorSuiteRelease}`, `{enrich.vendorArchiveUrl}`, `{enrich.vendorArchiveSed}`). */
  'vendor-no-release': vendorNoReleaseEnrich,
  /** The nvidia/cuda image a `docker run` of the log starts, in its `-devel` flavour, and that command with it (`{enrich.runDevelImage}`, `{enrich.runDevelCommand}`). */
  'run-image': runImageEnrich,
  /** The image of the log's `docker run` / `podman run` and that command asking for GPUs (`{enrich.runImage}`, `{enrich.runWithGpus}`, `{enrich.runGpus}`). */
  'run-command': runCommandEnrich,
  /** A failed conda / mamba download: its host, channel or package file, and the retry settings of the tool that printed it (`{enrich.rcAppend}`, `{enrich.status}`). */
  'conda-network': condaNetworkEnrich,
  /** The CMAKE_ARGS a pip build of a CMake project passed, and the command it prefixes (`{enrich.cmakeArgs}`, `{enrich.cmakeCommand}`). */
  'cmake-args': cmakeArgsEnrich,
  /** A native build's cmake line with `XY` added to its CUDA arch list, and that list (`{enrich.cmakeArchLine}`, `{enrich.cmakeArchHad}`). */
  'cmake-arch-line': cmakeArchLineEnrich,
  /** The compat libcuda an `ldconfig -p` listing shows first, above the host driver's (`{enrich.ldCompatFirst}`). */
  'ld-cache-compat': ldCacheCompatEnrich,
  /** For a setup.py that asked for a newer torch: the oldest release new enough for the build's CUDA, as an install command (`{enrich.torchUpgrade}`). */
  'torch-minimum': torchMinimumEnrich,
  /** Whether a CMake log has a NOTFOUND variable besides CUPTI's library, which a rule of its own explains (`{enrich.ownVariables}`, `{enrich.cuptiOnlyList}`). */
  'cmake-notfound': cmakeNotfoundEnrich,
  /** A CUDA-repository package with an uninstallable dependency: its CUDA release and NVIDIA's repository of the image's release (`{enrich.pkgCuda}`, `{enrich.ownKeyringUrl}`). */
  'apt-release-mix': aptReleaseMixEnrich,
  /** An Alpine (musl) Python image of the log and the Debian (glibc) image of the same Python (`{enrich.alpineImage}`, `{enrich.glibcImage}`). */
  'glibc-image': glibcImageEnrich,
  /** A wheel refused by a pip older than its platform tag: that pip, the first that knows the tag (`{enrich.oldPip}`, `{enrich.firstPip}`). */
  'pip-tag': pipTagEnrich,
  /** A kernel ptxas refused for an arch older than it needs: that arch, the targeted one, lists from it up (`{enrich.required}`, `{enrich.torchArchList}`). */
  'kernel-arch': kernelArchEnrich,
  'unpinned-flash-attn': unpinnedFlashAttnEnrich,
  'unpinned-torch': unpinnedTorchEnrich,
  /** The torch a pip install went on with after the CUDA build it first collected (`{enrich.swapped}`, `{enrich.cudaTorch}`). */
  'torch-swap': torchSwapEnrich,
  /** The toolkit a build with the distribution's /usr/bin/nvcc was meant to use, when the log names another release (`{enrich.otherCuda}`). */
  'distro-nvcc': distroNvccEnrich,
  /** A Debian release moved to archive.debian.org: its name, end of support, the sed to the archive (`{enrich.eolRelease}`, `{enrich.archiveCommand}`). */
  'eol-release': eolReleaseEnrich,
  /** A Debian suite whose release's LTS has ended: the release, the date, the releases to move to (`{enrich.ltsRelease}`, `{enrich.ltsEnded}`, `{enrich.ltsMoveTo}`). */
  'debian-lts-ended': debianLtsEndedEnrich,
  /** A third-party apt repository whose vendor documents its key file: the URL and the commands that write it (`{enrich.keyUrl}`, `{enrich.vendorKeyCommand}`, `{enrich.trustedKeyCommand}`). */
  'vendor-apt-key': vendorAptKeyEnrich,
  /** The failed RUN's poetry / uv command with `--no-root`, `--only-root`, `--frozen` (`{enrich.poetryNoRoot}`, `{enrich.uvFrozen}`). */
  'installer-command': installerCommandEnrich,
  /** `uv pip install -r uv.lock` as export-then-install of the user's command (`{enrich.uvExportInstall}`). */
  'uv-lock-requirements': uvLockRequirementsEnrich,
  /** torch from PyTorch's CPU-only index, in the step's installer (`{enrich.cpuTorchInstall}`). */
  'cpu-torch': cpuTorchEnrich,
  /** The failed RUN's pip without its cache, or that it already runs so (`{enrich.pipNoCacheRun}`, `enrich.pipCacheOff`). */
  'pip-cache': pipCacheEnrich,
  /** The platforms of a multi-platform build, when the log shows two or more (`{enrich.platforms}`). */
  'build-platforms': buildPlatformsEnrich,
  /** The Python a source build compiled for and the minor release below it (`{enrich.buildPython}`, `{enrich.lowerPython}`). */
  'source-build-python': sourceBuildPythonEnrich,
  /** An sdist's own Python-version guard: the Python that ran, the newest one in its range, the first release of the package for that Python where known (`{enrich.fitPython}`, `{enrich.firstRelease}`). */
  'python-guard': pythonGuardEnrich,
  /** For a `GLIBCXX_…` / `CXXABI_…` label libstdc++.so.6 lacks: the GCC that introduced it, the library's place, a conda env's prefix (`{enrich.gcc}`, `{enrich.envPrefix}`, `{enrich.condaSpec}`). */
  libstdcxx: libstdcxxEnrich,
  /** A CUDA library whose soname's major differs from the environment's CUDA: both majors and what shows the environment's (`{enrich.libMajor}`, `{enrich.imageMajor}`, `{enrich.imageCudaProof}`). */
  'cuda-lib-major': cudaLibMajorEnrich,
};
