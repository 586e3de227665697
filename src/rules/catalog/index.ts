// Every built-in rule, in priority order: this list is the one place that ranks them. Findings of
// one failure are ranked by severity and by whether they caused the others (rank-findings.ts),
// then by their rule's line here, the line nearer the top first. The list keeps a less specific rule
// (`specificity`, which also decides which findings a more specific one replaces) below every
// more specific one (a test checks), so the order read here is the order findings take.
//
// Written by `npm run rules:table` from the rule files under catalog/<family>/: a new file is
// added (after its family's rules of the same specificity), a deleted one dropped, the order of
// the rest kept. To change a rule's rank, move its line; the imports follow the list.
import type { RuleInput } from '../schema.js';
import { secretInLog } from './security/secret-in-log.js';
import { runnerLost } from './ci/runner-lost.js';
import { daemonConnectionLost } from './buildkit/daemon-connection-lost.js';
import { coldCache } from './ci/cold-cache.js';
import { unsupportedArch } from './cuda/unsupported-arch.js';
import { distroNvccShadowsToolkit } from './cuda/distro-nvcc-shadows-toolkit.js';
import { invalidArchList } from './cuda/invalid-arch-list.js';
import { toolkitNotFound } from './cuda/toolkit-not-found.js';
import { cudaHomeNotSet } from './cuda/cuda-home-not-set.js';
import { libcudaStubMissing } from './cuda/libcuda-stub-missing.js';
import { noGpuAtBuild } from './cuda/no-gpu-at-build.js';
import { noKernelImage } from './cuda/no-kernel-image.js';
import { versionMismatch } from './cuda/version-mismatch.js';
import { develToolkitCopied } from './cuda/devel-toolkit-copied.js';
import { driverTooOld } from './cuda/driver-too-old.js';
import { unsupportedHostCompiler } from './cuda/unsupported-host-compiler.js';
import { kernelNeedsNewerArch } from './cuda/kernel-needs-newer-arch.js';
import { nvccHostFlagRejected } from './cuda/nvcc-host-flag-rejected.js';
import { toolkitTooOld } from './cuda/toolkit-too-old.js';
import { deepspeedCutlassKernels } from './cuda/deepspeed-cutlass-kernels.js';
import { cuptiLibraryNotfound } from './cmake/cupti-library-notfound.js';
import { cudaArchDetectFailed } from './cmake/cuda-arch-detect-failed.js';
import { notfound } from './cmake/notfound.js';
import { packageNotFound } from './cmake/package-not-found.js';
import { buildInputMissing } from './cmake/build-input-missing.js';
import { hipOffloadArchInFlags } from './cmake/hip-offload-arch-in-flags.js';
import { libcuptiMissing } from './runtime/libcupti-missing.js';
import { halfIntrinsicUndefined } from './cuda/half-intrinsic-undefined.js';
import { cuda13RemovedApi } from './cuda/cuda13-removed-api.js';
import { ptxFeatureNotOnArch } from './cuda/ptx-feature-not-on-arch.js';
import { flashAttnExtensionMissing } from './runtime/flash-attn-extension-missing.js';
import { libcudaStub } from './runtime/libcuda-stub.js';
import { kernelsNoBuildVariant } from './runtime/kernels-no-build-variant.js';
import { sharedLibraryMissing } from './runtime/shared-library-missing.js';
import { linkedLibraryMissing } from './runtime/linked-library-missing.js';
import { extensionCudaRefused } from './runtime/extension-cuda-mismatch.js';
import { gpuRuntimeMissing } from './runtime/gpu-runtime-missing.js';
import { gpuImagePlatformMismatch } from './runtime/gpu-image-platform-mismatch.js';
import { nvidiaCgroupDeviceRules } from './runtime/nvidia-cgroup-device-rules.js';
import { glibcTooOld } from './runtime/glibc-too-old.js';
import { torchSymbolMismatch } from './runtime/torch-symbol-mismatch.js';
import { librarySymbolMismatch } from './runtime/library-symbol-mismatch.js';
import { torchMklSymbol } from './runtime/torch-mkl-symbol.js';
import { illegalInstruction } from './runtime/illegal-instruction.js';
import { qemuSegfault } from './buildx/qemu-segfault.js';
import { nvidiaModuleGplSymbol } from './runtime/nvidia-module-gpl-symbol.js';
import { bitsandbytesCudaSetup } from './runtime/bitsandbytes-cuda-setup.js';
import { ncclShmTooSmall } from './runtime/nccl-shm-too-small.js';
import { nvmlUnknownError } from './runtime/nvml-unknown-error.js';
import { driverLibrariesInImage } from './runtime/driver-libraries-in-image.js';
import { cdiDeviceUnavailable } from './runtime/cdi-device-unavailable.js';
import { rocmDeviceMissing } from './runtime/rocm-device-missing.js';
import { rocmDevicePermission } from './runtime/rocm-device-permission.js';
import { numpyAbiMismatch } from './runtime/numpy-abi-mismatch.js';
import { torchCpuBuild } from './runtime/torch-cpu-build.js';
import { containerCliDriverRpc } from './runtime/container-cli-driver-rpc.js';
import { cudaDriverInitFailed } from './runtime/cuda-driver-init-failed.js';
import { tritonLibcudaLink } from './runtime/triton-libcuda-link.js';
import { ldconfigNotOnPath } from './runtime/ldconfig-not-on-path.js';
import { cudnnHandleFailed } from './runtime/cudnn-handle-failed.js';
import { jaxCudaLibraryNotFound } from './runtime/jax-cuda-library-not-found.js';
import { jaxPjrtVersionMismatch } from './runtime/jax-pjrt-version-mismatch.js';
import { jaxCudaLibraryTooOld } from './runtime/jax-cuda-library-too-old.js';
import { cudaDriverMismatch } from './runtime/cuda-driver-mismatch.js';
import { wslCudaSymbolNotFound } from './runtime/wsl-cuda-symbol-not-found.js';
import { xformersFlash3UnsupportedGpu } from './runtime/xformers-flash3-unsupported-gpu.js';
import { cudaKernelSymbolNotFound } from './runtime/cuda-kernel-symbol-not-found.js';
import { libstdcxxTooOld } from './runtime/libstdcxx-too-old.js';
import { cudaOsCallFailed } from './runtime/cuda-os-call-failed.js';
import { imageCudaVersionInvalid } from './runtime/image-cuda-version-invalid.js';
import { k8sDevicePluginNoNvml } from './runtime/k8s-device-plugin-no-nvml.js';
import { cdiSpecStale } from './runtime/cdi-spec-stale.js';
import { gpuDeviceUnknown } from './runtime/gpu-device-unknown.js';
import { execNoSuchFile } from './runtime/exec-no-such-file.js';
import { ctypesLibraryNotFound } from './runtime/ctypes-library-not-found.js';
import { nvidiaDriverNotLoaded } from './runtime/nvidia-driver-not-loaded.js';
import { wslNoGpuAdapter } from './runtime/wsl-no-gpu-adapter.js';
import { nvidiaSmiNoDevices } from './runtime/nvidia-smi-no-devices.js';
import { nvmlLibraryMissing } from './runtime/nvml-library-missing.js';
import { ollamaLibraryOverride } from './runtime/ollama-library-override.js';
import { resolutionImpossible } from './pip/resolution-impossible.js';
import { noMatchingDistribution } from './pip/no-matching-distribution.js';
import { wheelNotSupported } from './pip/wheel-not-supported.js';
import { buildIsolation } from './pip/build-isolation.js';
import { externallyManaged } from './pip/externally-managed.js';
import { extensionSdistFallback } from './pip/extension-sdist-fallback.js';
import { resolverBacktracking } from './pip/resolver-backtracking.js';
import { basePackageReplaced } from './pip/base-package-replaced.js';
import { cudaTorchSwapped } from './pip/cuda-torch-swapped.js';
import { constraintDeprecation } from './pip/constraint-deprecation.js';
import { extensionCudaMismatch } from './pip/extension-cuda-mismatch.js';
import { rustCompilerMissing } from './pip/rust-compiler-missing.js';
import { torchTooOld } from './pip/torch-too-old.js';
import { extensionTorchApiRemoved } from './pip/extension-torch-api-removed.js';
import { projectFileMissing } from './pip/project-file-missing.js';
import { bdistWheelMissing } from './pip/bdist-wheel-missing.js';
import { uvLockOutdated } from './pip/uv-lock-outdated.js';
import { uvLockUnreadable } from './pip/uv-lock-unreadable.js';
import { vcsGitMissing } from './pip/vcs-git-missing.js';
import { uvPathSourceMissing } from './pip/uv-path-source-missing.js';
import { venvUnavailable } from './pip/venv-unavailable.js';
import { downloadTimeout } from './pip/download-timeout.js';
import { poetryLockFailed } from './pip/poetry-lock-failed.js';
import { poetryPythonMismatch } from './pip/poetry-python-mismatch.js';
import { uvLockAsRequirements } from './pip/uv-lock-as-requirements.js';
import { poetryPythonRange } from './pip/poetry-python-range.js';
import { uvVersionRequired } from './pip/uv-version-required.js';
import { poetryNoMatchingVersion } from './pip/poetry-no-matching-version.js';
import { setupPyUndeclaredImport } from './pip/setup-py-undeclared-import.js';
import { pythonVersionRefused } from './pip/python-version-refused.js';
import { pkgResourcesMissing } from './pip/pkg-resources-missing.js';
import { setuptoolsMissing } from './pip/setuptools-missing.js';
import { poetryNoInstallCandidates } from './pip/poetry-no-install-candidates.js';
import { poetryHashMismatch } from './pip/poetry-hash-mismatch.js';
import { poetryLockVersionUnsupported } from './pip/poetry-lock-version-unsupported.js';
import { poetryExportPluginMissing } from './pip/poetry-export-plugin-missing.js';
import { hashMismatch } from './pip/hash-mismatch.js';
import { requireHashesUnpinned } from './pip/require-hashes-unpinned.js';
import { pdmLockIncompatible } from './pip/pdm-lock-incompatible.js';
import { poetryLockStale } from './pip/poetry-lock-stale.js';
import { pipenvLockStale } from './pip/pipenv-lock-stale.js';
import { setupDownloadFailed } from './pip/setup-download-failed.js';
import { uvResponseDecodeFailed } from './pip/uv-response-decode-failed.js';
import { uvNetworkUnreachable } from './pip/uv-network-unreachable.js';
import { pipenvInstallFailed } from './pip/pipenv-install-failed.js';
import { pgConfigMissing } from './pip/pg-config-missing.js';
import { wheelSizeLimit } from './pip/wheel-size-limit.js';
import { distutilsRemoved } from './pip/distutils-removed.js';
import { uvWorkspaceMemberMissing } from './pip/uv-workspace-member-missing.js';
import { uvHashMismatch } from './pip/uv-hash-mismatch.js';
import { packagesNotFound } from './conda/packages-not-found.js';
import { unsatisfiable } from './conda/unsatisfiable.js';
import { strictPriorityUnsolved } from './conda/strict-priority-unsolved.js';
import { tosNotAccepted } from './conda/tos-not-accepted.js';
import { condaCudaVirtualPackage } from './conda/cuda-virtual-package.js';
import { condaActivateInRun } from './conda/activate-in-run.js';
import { httpError } from './conda/http-error.js';
import { unrecognizedArgument } from './conda/unrecognized-argument.js';
import { mamba2CliChanged } from './conda/mamba2-cli-changed.js';
import { installerPreInstallFailed } from './conda/installer-pre-install-failed.js';
import { prefixNotAnEnvironment } from './conda/prefix-not-an-environment.js';
import { incorrectDownload } from './conda/incorrect-download.js';
import { transactionFailed } from './conda/transaction-failed.js';
import { linkScriptFailed } from './conda/link-script-failed.js';
import { environmentFileNotFound } from './conda/environment-file-not-found.js';
import { unableToLocatePackage } from './apt/unable-to-locate-package.js';
import { fetchFailed } from './apt/fetch-failed.js';
import { heldPackagesChanged } from './apt/held-packages-changed.js';
import { jetsonBspInContainer } from './apt/jetson-bsp-in-container.js';
import { heldBrokenPackages } from './apt/held-broken-packages.js';
import { releaseNotValidYet } from './apt/release-not-valid-yet.js';
import { releaseExpired } from './apt/release-expired.js';
import { seccompTime64 } from './runtime/seccomp-time64.js';
import { jaxCudaQueryBeforeInit } from './runtime/jax-cuda-query-before-init.js';
import { composeGpuDevicesUnsupported } from './runtime/compose-gpu-devices-unsupported.js';
import { tritonDriverTooOld } from './runtime/triton-driver-too-old.js';
import { releaseInfoChanged } from './apt/release-info-changed.js';
import { apkUnableToSelect } from './apt/apk-unable-to-select.js';
import { debArchMismatch } from './apt/deb-arch-mismatch.js';
import { signedByConflict } from './apt/signed-by-conflict.js';
import { centosEolMirrorlist } from './apt/centos-eol-mirrorlist.js';
import { oomKilled } from './resources/oom-killed.js';
import { diskFull } from './resources/disk-full.js';
import { jobTimeout } from './resources/job-timeout.js';
import { unboundVariable } from './shell/unbound-variable.js';
import { commandNotFound } from './shell/command-not-found.js';
import { bashOnlyInSh } from './shell/bash-only-in-sh.js';
import { crlfLineEndings } from './shell/crlf-line-endings.js';
import { installFailureSwallowed } from './shell/install-failure-swallowed.js';
import { pythonPathMissing } from './shell/python-path-missing.js';
import { manifestListLoad } from './buildx/manifest-list-load.js';
import { invalidTag } from './buildx/invalid-tag.js';
import { pushByDigestTagged } from './buildx/push-by-digest-tagged.js';
import { execFormatError } from './buildx/exec-format-error.js';
import { emulatedSlowStep } from './buildx/emulated-slow-step.js';
import { multiPlatformDockerDriver } from './buildx/multi-platform-docker-driver.js';
import { cacheExportDockerDriver } from './buildx/cache-export-docker-driver.js';
import { cacheExportFailed } from './buildx/cache-export-failed.js';
import { x86FlagOnArm } from './buildx/x86-flag-on-arm.js';
import { dockerfileParseError } from './buildkit/dockerfile-parse-error.js';
import { circularStageDependency } from './buildkit/circular-stage-dependency.js';
import { attestationPushRejected } from './buildkit/attestation-push-rejected.js';
import { pushDenied } from './buildkit/push-denied.js';
import { pushTooLarge } from './buildkit/push-too-large.js';
import { grpcMessageTooLarge } from './buildkit/grpc-message-too-large.js';
import { baseImageNotFound } from './buildkit/base-image-not-found.js';
import { registryRateLimit } from './buildkit/registry-rate-limit.js';
import { copySourceMissing } from './buildkit/copy-source-missing.js';
import { dpkgReadOnlyFileSystem } from './apt/dpkg-read-only-file-system.js';
import { rpmPackageUnavailable } from './apt/rpm-package-unavailable.js';
import { indexFetchIgnored } from './apt/index-fetch-ignored.js';
import { logClipped } from './buildkit/log-clipped.js';
import { gitLfsPointer } from './build/git-lfs-pointer.js';
import { cutlassSubmoduleMissing } from './build/cutlass-submodule-missing.js';
import { gitSubmoduleCloneFailed } from './build/git-submodule-clone-failed.js';
import { undefinedReference } from './build/undefined-reference.js';
import { bundledQemuEmulator } from './buildx/bundled-qemu-emulator.js';
import { extensionNinjaFailed } from './cuda/extension-ninja-failed.js';
import { compileStoppedNoError } from './cuda/compile-stopped-no-error.js';
import { buildCommandFailed } from './cmake/build-command-failed.js';
import { buildCanceled } from './buildkit/build-canceled.js';
import { error } from './cmake/error.js';
import { wheelBuildFailed } from './pip/wheel-build-failed.js';
import { ncclSystemError } from './runtime/nccl-system-error.js';
import { forceReinstall } from './pip/force-reinstall.js';
import { cacheMountUnused } from './pip/cache-mount-unused.js';
import { wheelDownloadedTwice } from './pip/wheel-downloaded-twice.js';
import { uvInstallerPath } from './pip/uv-installer-path.js';
import { aptInstallExit100 } from './apt/install-exit-100.js';
import { stepFailed } from './buildkit/step-failed.js';

export const builtinRules: RuleInput[] = [
  secretInLog,
  // A lost runner outranks the timeout and OOM findings it causes (resources/).
  runnerLost,
  // The daemon that ran the build went away: what any step printed before is not why the build ended.
  daemonConnectionLost,
  coldCache,
  unsupportedArch,
  distroNvccShadowsToolkit,
  invalidArchList,
  toolkitNotFound,
  cudaHomeNotSet,
  libcudaStubMissing,
  noGpuAtBuild,
  noKernelImage,
  versionMismatch,
  develToolkitCopied,
  driverTooOld,
  unsupportedHostCompiler,
  kernelNeedsNewerArch,
  nvccHostFlagRejected,
  toolkitTooOld,
  deepspeedCutlassKernels,
  cuptiLibraryNotfound,
  cudaArchDetectFailed,
  notfound,
  packageNotFound,
  buildInputMissing,
  hipOffloadArchInFlags,
  libcuptiMissing,
  halfIntrinsicUndefined,
  cuda13RemovedApi,
  ptxFeatureNotOnArch,
  flashAttnExtensionMissing,
  libcudaStub,
  kernelsNoBuildVariant,
  sharedLibraryMissing,
  linkedLibraryMissing,
  extensionCudaRefused,
  gpuRuntimeMissing,
  gpuImagePlatformMismatch,
  nvidiaCgroupDeviceRules,
  glibcTooOld,
  torchSymbolMismatch,
  librarySymbolMismatch,
  torchMklSymbol,
  illegalInstruction,
  qemuSegfault,
  nvidiaModuleGplSymbol,
  bitsandbytesCudaSetup,
  ncclShmTooSmall,
  nvmlUnknownError,
  driverLibrariesInImage,
  cdiDeviceUnavailable,
  rocmDeviceMissing,
  rocmDevicePermission,
  numpyAbiMismatch,
  torchCpuBuild,
  containerCliDriverRpc,
  cudaDriverInitFailed,
  tritonLibcudaLink,
  ldconfigNotOnPath,
  cudnnHandleFailed,
  jaxCudaLibraryNotFound,
  jaxPjrtVersionMismatch,
  jaxCudaLibraryTooOld,
  cudaDriverMismatch,
  wslCudaSymbolNotFound,
  xformersFlash3UnsupportedGpu,
  cudaKernelSymbolNotFound,
  libstdcxxTooOld,
  cudaOsCallFailed,
  imageCudaVersionInvalid,
  k8sDevicePluginNoNvml,
  cdiSpecStale,
  gpuDeviceUnknown,
  execNoSuchFile,
  ctypesLibraryNotFound,
  nvidiaDriverNotLoaded,
  wslNoGpuAdapter,
  nvidiaSmiNoDevices,
  nvmlLibraryMissing,
  ollamaLibraryOverride,
  resolutionImpossible,
  noMatchingDistribution,
  wheelNotSupported,
  buildIsolation,
  externallyManaged,
  extensionSdistFallback,
  resolverBacktracking,
  basePackageReplaced,
  cudaTorchSwapped,
  constraintDeprecation,
  extensionCudaMismatch,
  rustCompilerMissing,
  torchTooOld,
  extensionTorchApiRemoved,
  projectFileMissing,
  bdistWheelMissing,
  uvLockOutdated,
  uvLockUnreadable,
  vcsGitMissing,
  uvPathSourceMissing,
  venvUnavailable,
  downloadTimeout,
  poetryLockFailed,
  poetryPythonMismatch,
  uvLockAsRequirements,
  poetryPythonRange,
  uvVersionRequired,
  poetryNoMatchingVersion,
  setupPyUndeclaredImport,
  pythonVersionRefused,
  pkgResourcesMissing,
  setuptoolsMissing,
  poetryNoInstallCandidates,
  poetryHashMismatch,
  poetryLockVersionUnsupported,
  poetryExportPluginMissing,
  hashMismatch,
  requireHashesUnpinned,
  pdmLockIncompatible,
  poetryLockStale,
  pipenvLockStale,
  setupDownloadFailed,
  uvResponseDecodeFailed,
  uvNetworkUnreachable,
  pipenvInstallFailed,
  pgConfigMissing,
  wheelSizeLimit,
  distutilsRemoved,
  uvWorkspaceMemberMissing,
  uvHashMismatch,
  packagesNotFound,
  unsatisfiable,
  strictPriorityUnsolved,
  tosNotAccepted,
  condaCudaVirtualPackage,
  condaActivateInRun,
  httpError,
  unrecognizedArgument,
  mamba2CliChanged,
  installerPreInstallFailed,
  prefixNotAnEnvironment,
  incorrectDownload,
  transactionFailed,
  linkScriptFailed,
  environmentFileNotFound,
  unableToLocatePackage,
  fetchFailed,
  heldPackagesChanged,
  jetsonBspInContainer,
  heldBrokenPackages,
  releaseNotValidYet,
  releaseExpired,
  seccompTime64,
  jaxCudaQueryBeforeInit,
  composeGpuDevicesUnsupported,
  tritonDriverTooOld,
  releaseInfoChanged,
  apkUnableToSelect,
  debArchMismatch,
  signedByConflict,
  centosEolMirrorlist,
  oomKilled,
  diskFull,
  jobTimeout,
  unboundVariable,
  commandNotFound,
  bashOnlyInSh,
  crlfLineEndings,
  installFailureSwallowed,
  pythonPathMissing,
  manifestListLoad,
  invalidTag,
  pushByDigestTagged,
  execFormatError,
  emulatedSlowStep,
  multiPlatformDockerDriver,
  cacheExportDockerDriver,
  cacheExportFailed,
  x86FlagOnArm,
  dockerfileParseError,
  circularStageDependency,
  attestationPushRejected,
  pushDenied,
  pushTooLarge,
  grpcMessageTooLarge,
  baseImageNotFound,
  // after the base image's rule, which explains a 429 on the FROM image's metadata itself
  registryRateLimit,
  copySourceMissing,
  dpkgReadOnlyFileSystem,
  rpmPackageUnavailable,
  indexFetchIgnored,
  logClipped,
  gitLfsPointer,
  cutlassSubmoduleMissing,
  gitSubmoduleCloneFailed,
  undefinedReference,
  // Where a step ran (BuildKit's fallback QEMU), below every rule that names the step's own cause.
  bundledQemuEmulator,
  extensionNinjaFailed,
  compileStoppedNoError,
  buildCommandFailed,
  buildCanceled,
  error,
  wheelBuildFailed,
  ncclSystemError,
  forceReinstall,
  cacheMountUnused,
  wheelDownloadedTwice,
  uvInstallerPath,
  aptInstallExit100,
  stepFailed,
];
