// The CUPTI story of the field notes: PyTorch built in a `-devel` CUDA stage, copied into a slim
// `-base` / `-runtime` CUDA stage, builds and starts fine, and `import torch.profiler` then fails
// with `libcupti.so.12: cannot open shared object file`: CUPTI lives in the toolkit
// (/usr/local/cuda/extras/CUPTI/lib64), which those images do not have.
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { parseImageRef } from '../image-ref.js';
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

export const cuptiNotInRuntime: StaticCheck = {
  id: 'dockerfile/cupti-not-in-runtime',
  title: 'PyTorch copied into a CUDA runtime image without CUPTI',
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
      findings.push(
        findingAt(cuptiNotInRuntime, dockerfile, copy, {
          message: `This stage runs on ${code(base)}, a CUDA ${flavour} image without the toolkit, and copies a Python install built in the ${code(builder)} stage, but not CUPTI: the build passes, and ${code('import torch.profiler')} fails at run time with ${code('libcupti.so.12: cannot open shared object file')}.`,
          fix: [
            'Copy the CUPTI libraries from the builder and put them on the library path:',
            '```dockerfile',
            `COPY --from=${builder} /usr/local/cuda/extras/CUPTI/lib64/ /usr/local/cuda/extras/CUPTI/lib64/`,
            'ENV LD_LIBRARY_PATH=/usr/local/cuda/extras/CUPTI/lib64:${LD_LIBRARY_PATH}',
            '```',
            `Check it in the image: ${code(`python3 -c "import torch.profiler"`)}. If the builder itself lacks ${code('libcupti.so')} (CMake printed ${code('CUPTI_LIBRARY-NOTFOUND')}), install ${code('cuda-libraries-dev-<major>-<minor>')} there first.`,
          ].join('\n'),
        }),
      );
    }
    return findings;
  },
};
