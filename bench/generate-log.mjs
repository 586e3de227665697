// Deterministic generator of realistic BuildKit `--progress=plain` logs of a GPU image build, for
// the benchmark: interleaved parallel steps, long compiler lines, pip / apt / CMake output, ANSI
// colours, a few failures sprinkled in. Same seed and size → the same bytes.
import { createWriteStream } from 'node:fs';

/** mulberry32: a small, fast, seedable PRNG (we need reproducibility, not quality). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODULES = ['aten', 'c10', 'caffe2', 'torch/csrc/autograd', 'torch/csrc/jit', 'third_party/fbgemm', 'third_party/kineto', 'torch/csrc/distributed'];
const FILES = ['Activation', 'BinaryOps', 'Conv', 'Linear', 'Loss', 'Normalization', 'Pooling', 'Reduce', 'Sorting', 'TensorFactories', 'UnaryOps', 'Embedding'];
const PACKAGES = ['numpy', 'datasets', 'transformers', 'accelerate', 'tokenizers', 'safetensors', 'huggingface-hub', 'lm-eval', 'evaluate', 'scipy', 'pyarrow', 'fsspec'];
const DEBS = ['libcudnn9-cuda-12', 'libnccl2', 'cuda-cupti-12-4', 'python3-dev', 'ninja-build', 'ccache', 'libopenblas-dev', 'libjpeg-turbo8', 'git', 'curl'];

function compilerLine(r, i) {
  const mod = MODULES[Math.floor(r() * MODULES.length)];
  const file = FILES[Math.floor(r() * FILES.length)];
  const defs = '-DAT_PER_OPERATOR_HEADERS -DCPUINFO_SUPPORTED_PLATFORM=1 -DFMT_HEADER_ONLY=1 -DFXDIV_USE_INLINE_ASSEMBLY=0 -DHAVE_MALLOC_USABLE_SIZE=1 -DHAVE_MMAP=1 -DHAVE_SHM_OPEN=1 -DHAVE_SHM_UNLINK=1 -DMINIZ_DISABLE_ZIP_READER_CRC32_CHECKS -DONNXIFI_ENABLE_EXT=1 -DONNX_ML=1 -DONNX_NAMESPACE=onnx_torch -DUSE_C10D_GLOO -DUSE_C10D_NCCL -DUSE_CUDA -DUSE_DISTRIBUTED -DUSE_EXTERNAL_MZCRC -D_FILE_OFFSET_BITS=64 -Dtorch_cuda_EXPORTS';
  const incs = '-I/opt/pytorch/build/aten/src -I/opt/pytorch/aten/src -I/opt/pytorch/build -I/opt/pytorch -I/opt/pytorch/cmake/../third_party/benchmark/include -I/opt/pytorch/third_party/onnx -I/opt/pytorch/build/third_party/onnx -I/opt/pytorch/torch/csrc/api -I/opt/pytorch/torch/csrc/api/include -I/usr/local/cuda/include';
  if (r() < 0.5) {
    return `[${i}/7312] /usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler ${defs} ${incs} -Xfatbin -compress-all -DONNX_NAMESPACE=onnx_torch -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 -Xcudafe --diag_suppress=cc_clobber_ignored -std=c++17 -Xcompiler=-fPIC -DTORCH_USE_LIBUV -MD -MT caffe2/CMakeFiles/torch_cuda.dir/__/${mod}/native/cuda/${file}.cu.o -MF caffe2/CMakeFiles/torch_cuda.dir/__/${mod}/native/cuda/${file}.cu.o.d -x cu -c /opt/pytorch/${mod}/native/cuda/${file}.cu -o caffe2/CMakeFiles/torch_cuda.dir/__/${mod}/native/cuda/${file}.cu.o`;
  }
  return `[${i}/7312] Building CXX object caffe2/CMakeFiles/torch_cpu.dir/__/${mod}/native/${file}.cpp.o`;
}

function pipLine(r) {
  const pkg = PACKAGES[Math.floor(r() * PACKAGES.length)];
  const v = `${1 + Math.floor(r() * 4)}.${Math.floor(r() * 20)}.${Math.floor(r() * 5)}`;
  const k = r();
  if (k < 0.35) return `Collecting ${pkg}>=${v}`;
  if (k < 0.6) return `  Downloading ${pkg}-${v}-py3-none-any.whl.metadata (${Math.floor(r() * 90) + 5} kB)`;
  if (k < 0.75) return `Requirement already satisfied: ${pkg} in /usr/local/lib/python3.10/dist-packages (from -r requirements.txt (line ${Math.floor(r() * 30) + 1})) (${v})`;
  if (k < 0.85) return `INFO: pip is looking at multiple versions of ${pkg} to determine which version is compatible with other requirements. This could take a while.`;
  if (k < 0.95) return `\u001b[2K   \u001b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[32m${(r() * 40).toFixed(1)}/${(40 + r() * 40).toFixed(1)} MB\u001b[0m \u001b[31m${(r() * 90).toFixed(1)} MB/s\u001b[0m eta \u001b[36m0:00:00\u001b[0m`;
  return `Successfully installed ${pkg}-${v}`;
}

function aptLine(r) {
  const deb = DEBS[Math.floor(r() * DEBS.length)];
  const k = r();
  if (k < 0.4) return `Get:${Math.floor(r() * 200)} http://archive.ubuntu.com/ubuntu jammy/main amd64 ${deb} amd64 ${Math.floor(r() * 9)}.${Math.floor(r() * 9)}-1ubuntu${Math.floor(r() * 5)} [${Math.floor(r() * 900)} kB]`;
  if (k < 0.7) return `Selecting previously unselected package ${deb}.`;
  if (k < 0.9) return `Setting up ${deb} (${Math.floor(r() * 9)}.${Math.floor(r() * 9)}-1) ...`;
  return `debconf: delaying package configuration, since apt-utils is not installed`;
}

function cmakeLine(r) {
  const k = r();
  if (k < 0.3) return `-- Performing Test COMPILER_SUPPORTS_${['AVX512', 'FMA', 'NEON', 'SVE'][Math.floor(r() * 4)]} - ${r() < 0.5 ? 'Success' : 'Failed'}`;
  if (k < 0.5) return `-- Looking for ${['pthread.h', 'sys/mman.h', 'cblas_sgemm', 'shm_open'][Math.floor(r() * 4)]} - found`;
  if (k < 0.7) return `-- Found CUDA: /usr/local/cuda (found version "12.4")`;
  if (k < 0.8) return `--   USE_CUDNN           : ON`;
  return `-- Found Python: /usr/bin/python3 (found version "3.10.12") found components: Interpreter Development.Module`;
}

// Sprinkled failures and warnings, as real logs have them (a few per hundred thousand lines).
const INCIDENTS = [
  '-- CUPTI_LIBRARY: CUPTI_LIBRARY-NOTFOUND',
  "nvcc fatal   : Unsupported gpu architecture 'compute_35'",
  'c++: fatal error: Killed signal terminated program cc1plus',
  'E: Unable to locate package cuda-cupti-dev-12-4',
  'OSError: libcupti.so.12: cannot open shared object file: No such file or directory',
  "ERROR: Could not find a version that satisfies the requirement flash-attn==9.9.9 (from versions: 2.5.8, 2.6.3)",
  '/bin/bash: line 1: PS1: unbound variable',
];

/**
 * Writes about `bytes` bytes to `path`. Steps run in parallel in groups of three, their output
 * interleaved like BuildKit prints it; elapsed times grow as a real build's do. About 45 steps
 * whatever the size: a bigger log is longer steps, as with a real build.
 */
export async function generateLog(path, bytes, seed = 42) {
  const r = prng(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let written = 0;
  let chunk = [];
  let chunkBytes = 0;
  const emit = (line) => {
    chunk.push(line);
    chunkBytes += line.length + 1;
    if (chunkBytes >= 1 << 20) return flush();
    return null;
  };
  const flush = async () => {
    const text = chunk.join('\n') + '\n';
    written += Buffer.byteLength(text);
    chunk = [];
    chunkBytes = 0;
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };

  emit('#0 building with "default" instance using docker driver');
  emit('');
  emit('#1 [internal] load build definition from Dockerfile');
  emit('#1 transferring dockerfile: 2.31kB done');
  emit('#1 DONE 0.0s');
  let id = 2;
  let step = 1;
  while (written + chunkBytes < bytes) {
    const group = [id, id + 1, id + 2];
    id += 3;
    const kinds = group.map(() => Math.floor(r() * 4));
    const clocks = group.map(() => 0);
    group.forEach((g, j) => emit(`#${g} [builder ${String((step + j) % 40 + 1).padStart(2)}/40] RUN ${['cmake --build build -j8', 'pip install -r requirements.txt', 'apt-get update && apt-get install -y --no-install-recommends cuda-cupti-12-4', 'cmake -S . -B build -DUSE_CUDA=ON'][kinds[j]]}`));
    step += 3;
    // A real GPU image build has tens of steps, a few of them printing most of the log (a PyTorch
    // compile): fifteen groups of three, sized so the log reaches its size in about that many.
    const lines = Math.max(200, Math.floor((bytes / 15 / 230) * (0.5 + r())));
    for (let n = 0; n < lines; n++) {
      const j = Math.floor(r() * 3);
      clocks[j] += r() * 0.05;
      const t = clocks[j];
      const stamp = t < 10 ? t.toFixed(3) : t < 100 ? t.toFixed(2) : t.toFixed(1);
      let text;
      if (r() < 0.00005) text = INCIDENTS[Math.floor(r() * INCIDENTS.length)];
      else if (kinds[j] === 0) text = compilerLine(r, n);
      else if (kinds[j] === 1) text = pipLine(r);
      else if (kinds[j] === 2) text = aptLine(r);
      else text = cmakeLine(r);
      const p = emit(`#${group[j]} ${stamp} ${text}`);
      if (p) await p;
    }
    group.forEach((g, j) => emit(`#${g} DONE ${clocks[j].toFixed(1)}s`));
    emit('');
  }
  await flush();
  await new Promise((resolve) => out.end(resolve));
  return written;
}

/**
 * A build of many small steps (a bake of hundreds of targets, a generated multi-stage file): each
 * step its header, two lines of pip output and its DONE, in order. Tests the memory that grows
 * with steps, not with lines. Same seed → the same bytes.
 */
export async function generateStepsLog(path, steps, seed = 42) {
  const r = prng(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let written = 0;
  let chunk = [];
  const flush = async () => {
    const text = chunk.join('\n') + '\n';
    written += Buffer.byteLength(text);
    chunk = [];
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  chunk.push('#0 building with "default" instance using docker driver', '');
  for (let n = 1; n <= steps; n++) {
    const pkg = PACKAGES[Math.floor(r() * PACKAGES.length)];
    const v = `${1 + Math.floor(r() * 4)}.${Math.floor(r() * 20)}.${Math.floor(r() * 5)}`;
    const t = (r() * 3).toFixed(3);
    chunk.push(
      `#${n} [stage-${n % 97} ${1 + (n % 9)}/9] RUN pip install ${pkg}==${v}`,
      `#${n} 0.${String(Math.floor(r() * 900) + 100)} Collecting ${pkg}==${v}`,
      `#${n} ${t} Successfully installed ${pkg}-${v}`,
      `#${n} DONE ${Number(t).toFixed(1)}s`,
    );
    if (chunk.length >= 8192) await flush();
  }
  await flush();
  await new Promise((resolve) => out.end(resolve));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, size = '10000000', seed = '42'] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node bench/generate-log.mjs OUT.log [BYTES] [SEED]');
    process.exit(2);
  }
  const n = await generateLog(path, Number(size), Number(seed));
  console.log(`${path}: ${n} bytes`);
}
