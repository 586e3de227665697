// A Python install built from source in a `-devel` CUDA stage, copied into a `-base` / `-runtime`
// CUDA stage that has no CUPTI (jolibrain/deepdetect#1458, microsoft/onnxruntime#7384: runtime lacks
// libcupti, devel has it, through cuda-command-line-tools → cuda-cupti). A torch whose build found
// CUPTI links libcupti.so, so it fails at `import torch` there (`from torch._C import *`,
// pytorch/vision#5635); one whose build did not find it (Kineto CPU-only) runs without CUDA profiling.
// NVIDIA's apt packages keep libcupti in /usr/local/cuda/lib64 (targets/x86_64-linux/lib, NVIDIA/nvbench#59),
// not extras/CUPTI/lib64 (runfile layout), so the fix installs cuda-cupti-X-Y (cuptiFor) in the final stage.
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { parseImageRef } from '../image-ref.js';
import { parseImageRef as parseCudaImage } from '../../knowledge/nvidia-images.js';
import { cuptiFor } from '../../knowledge/cuda-packages.js';
import { baseImageOf, code, findingAt, runSource, stageChain, type StaticCheck } from './check.js';

type CudaFlavour = 'base' | 'runtime' | 'devel' | null;

/** `nvidia/cuda:12.4.0-base-ubuntu22.04` → base; other images → null. */
function cudaFlavour(image: string): CudaFlavour {
  const ref = parseImageRef(image);
  if (ref === null || ref.repository !== 'nvidia/cuda' || ref.tag === null) return null;
  for (const flavour of ['base', 'runtime', 'devel'] as const) if (ref.tag.includes(`-${flavour}`)) return flavour;
  return null;
}

/** A COPY --from that brings a Python install over (where a built torch lives). */
const PYTHON_INSTALL = /site-packages|dist-packages|\/opt\/conda|\/usr\/local\/lib\/python|\/opt\/venv|\btorch\b|\/wheels?\b|\.whl\b/;
/** Ways the runtime stage gets CUPTI after all. */
const PROVIDES_CUPTI = /cupti|\/usr\/local\/cuda(?:-[\d.]+)?\/?(?:\s|$)|cuda-libraries|cuda-toolkit/i;
/** The builder compiles (PyTorch or an extension) rather than installing wheels, which bring their own libcupti. */
const BUILDS_FROM_SOURCE = /setup\.py|\bcmake\b|pip install (?:-e |--no-build-isolation |\.)|python -m build|\bUSE_CUPTI\b|TORCH_CUDA_ARCH_LIST/;

function copiesFrom(copy: DockerfileInstruction): string | null {
  return copy.keyword === 'COPY' ? (copy.flags.find((f) => f.name === 'from')?.value?.toLowerCase() ?? null) : null;
}

function buildsFromSource(stage: DockerfileStage, dockerfile: Dockerfile): boolean {
  return stageChain(stage, dockerfile).some((s) =>
    s.instructions.some((i) => (i.keyword === 'RUN' && BUILDS_FROM_SOURCE.test(runSource(i))) || (i.keyword !== 'RUN' && /TORCH_CUDA_ARCH_LIST|USE_CUPTI/.test(i.args))),
  );
}

/** Message and fix for a stage on `base` (a -base / -runtime nvidia/cuda image) that copies from `builder`. */
function advice(base: string, flavour: 'base' | 'runtime', builder: string): { message: string; fix: string } {
  const ref = parseCudaImage(base);
  const cupti = ref?.kind === 'nvidia-cuda' ? cuptiFor(ref.cuda) : null;
  const message =
    `This stage runs on ${code(base)}, a CUDA ${flavour} image without CUPTI, and copies a Python install built from source in the ${code(builder)} stage. ` +
    `If that build found CUPTI (nvidia/cuda \`-devel\` images have it), the torch it made links ${code(cupti?.soname ?? 'libcupti.so')} and fails here at ${code('import torch')}; ` +
    'if it did not, it runs without CUDA activity in the profiler.';
  const check = cupti?.soname ? `python3 -c "import ctypes; ctypes.CDLL('${cupti.soname}')"` : "find /usr/local/cuda/ -name 'libcupti.so*' | grep -q .";
  const install =
    cupti !== null
      ? ['```dockerfile', `RUN apt-get update && apt-get install -y --no-install-recommends ${cupti.aptLib} \\`, ' && rm -rf /var/lib/apt/lists/* \\', ` && ${check}`, '```']
      : [`The tag does not name a CUDA release this check knows: install NVIDIA's \`cuda-cupti-\` package of the image's CUDA release (\`nvcc --version\` in the builder prints it; 12.4 → \`cuda-cupti-12-4\`), then check with ${code(check)}.`];
  return {
    message,
    fix: [
      "Install CUPTI in this stage (NVIDIA's apt repository is set up in nvidia/cuda images; the library lands in `/usr/local/cuda/lib64`, which NVIDIA's packages register with the loader in `/etc/ld.so.conf.d/000_cuda.conf`):",
      ...install,
      'The check fails the build, not the container, when the library is still missing.',
    ].join('\n'),
  };
}

export const cuptiNotInRuntime: StaticCheck = {
  id: 'dockerfile/cupti-not-in-runtime',
  title: 'Source-built PyTorch copied into a CUDA image without CUPTI',
  severity: 'warning',
  docs: 'https://docs.nvidia.com/cupti/',
  check(dockerfile) {
    const findings = [];
    for (const stage of dockerfile.stages) {
      const base = baseImageOf(stage, dockerfile);
      const flavour = cudaFlavour(base);
      if (flavour !== 'base' && flavour !== 'runtime') continue;
      const chain = stageChain(stage, dockerfile);
      const everything = chain.flatMap((s) => s.instructions);
      if (everything.some((i) => i.keyword !== 'FROM' && PROVIDES_CUPTI.test(i.keyword === 'RUN' ? runSource(i) : i.args))) continue;
      const copy = stage.instructions.find((i) => {
        const source = copiesFrom(i);
        if (source === null || !PYTHON_INSTALL.test(i.args)) return false;
        const builder = dockerfile.stages.find((s) => s.name === source || String(s.index) === source);
        return builder !== undefined && cudaFlavour(baseImageOf(builder, dockerfile)) === 'devel' && buildsFromSource(builder, dockerfile);
      });
      if (copy === undefined) continue;
      const builder = copiesFrom(copy)!;
      findings.push(findingAt(cuptiNotInRuntime, dockerfile, copy, advice(base, flavour, builder)));
    }
    return findings;
  },
};
