// XLA (JAX) and TensorFlow could not start cuDNN: `Could not create cudnn handle: CUDNN_STATUS_INTERNAL_ERROR` from
// stream_executor/cuda/cuda_dnn.cc, then JAX's `DNN library initialization failed` (jax-ml/jax#15361, #15774, #16078,
// #22533, #23145, #28752). The handle needs GPU memory and a working cuDNN, and XLA prints the device's memory on the next
// line (`Memory usage: 5853872128 bytes free, 25393692672 bytes total.`), which is how the two causes are told apart:
// - too little memory left: JAX preallocates 75% of the total GPU memory at its first operation; `XLA_PYTHON_CLIENT_PREALLOCATE=false`
//   turns that off and `XLA_PYTHON_CLIENT_MEM_FRACTION=.XX` changes the share; TensorFlow in the same process preallocates
//   too (JAX documentation, "GPU memory allocation"; `tf.config.experimental.set_memory_growth`, TensorFlow API docs). So
//   about a quarter free is what JAX's own preallocation leaves, and much less than that means another process holds memory.
// - nearly all memory free (#23145: 46.6 of 47.6 GB; #28752: 16.6 of 16.9 GB): cuDNN itself. A second cuDNN that wins the
//   library search: `LD_LIBRARY_PATH` can override the pip CUDA libraries (JAX's installation docs: "Make sure that
//   LD_LIBRARY_PATH is not set"; rerunning the install command puts back the libraries JAX asked for), or another package
//   that pins an older `nvidia-cudnn-cu*` wheel into the same environment (#16078: torch installed after jax left cuDNN
//   8.5 where jax needed 8.6; the maintainer's reading of JAX's `Loaded runtime CuDNN library: 8.5.0 but source was compiled
//   with: 8.6.0` in #15268).
// Specificity 3: the library's own reason, above the `XlaRuntimeError` that only wraps it.
import type { RuleInput } from '../../schema.js';

const MEMORY_LINE = 'XLA printed the GPU\'s memory when it failed: {context.memory.free} bytes free of {context.memory.total}.';

const JAX_FIX = [
  'Tell the two causes apart on the machine that ran it:',
  '',
  '```sh',
  'nvidia-smi                                     # other processes holding memory on this GPU?',
  'XLA_PYTHON_CLIENT_PREALLOCATE=false python -c "import jax.numpy as jnp; print(jnp.ones(3))"',
  'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"        # set: it can override the cuDNN that jax installed',
  'pip list 2>/dev/null | grep -iE "^(jax|nvidia-cudnn|torch|tensorflow)"',
  '```',
  '',
  '- It works with preallocation off, or nvidia-smi shows other processes: memory. JAX takes 75% of the GPU at its first',
  '  operation (the current default), so about a quarter free is its own share. Stop the other process, or run with',
  '  `XLA_PYTHON_CLIENT_PREALLOCATE=false` (or a smaller `XLA_PYTHON_CLIENT_MEM_FRACTION`, e.g. `.50`). With TensorFlow in the',
  '  same program, keep it off the GPU (`tf.config.experimental.set_visible_devices([], "GPU")`) or give it memory growth.',
  '- It fails the same way: cuDNN. `unset LD_LIBRARY_PATH` and try again; if another package (torch, tensorflow) put its own',
  '  `nvidia-cudnn` wheel into the environment, run the jax install command you used again so the cuDNN it asks for comes',
  '  back, or keep the two frameworks in separate environments.',
].join('\n');

export const cudnnHandleFailed: RuleInput = {
  id: 'runtime/cudnn-handle-failed',
  title: 'cuDNN could not start (Could not create cudnn handle): GPU memory or a mismatched cuDNN',
  severity: 'error',
  match: [
    // `E external/xla/xla/stream_executor/cuda/cuda_dnn.cc:439] Could not create cudnn handle: CUDNN_STATUS_INTERNAL_ERROR`
    { literals: ['Could not create cudnn handle: CUDNN_STATUS_INTERNAL_ERROR'] },
  ],
  context: [
    // `E external/xla/xla/stream_executor/cuda/cuda_dnn.cc:443] Memory usage: 5853872128 bytes free, 25393692672 bytes total.`
    { name: 'memory', literals: ['Memory usage: '], pattern: 'Memory usage: (?<free>\\d{1,15}) bytes free, (?<total>\\d{1,15}) bytes total' },
    // a JAX program: its frames or its error
    { name: 'jax', literals: ['/jax/_src/', 'jaxlib', 'DNN library initialization failed'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'cuDNN could not create its handle (`CUDNN_STATUS_INTERNAL_ERROR`). The usual causes are too little free GPU memory ' +
    '(the framework\'s own preallocation, or another process) or a cuDNN other than the one the framework was built for.',
  fix: [
    'On the machine that ran it, see what holds the GPU and which cuDNN the environment has:',
    '',
    '```sh',
    'nvidia-smi',
    'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"',
    'pip list 2>/dev/null | grep -iE "^(jax|nvidia-cudnn|torch|tensorflow)"',
    '```',
    '',
    'Other processes on the GPU: stop them, or let TensorFlow grow its memory instead of taking it all',
    '(`tf.config.experimental.set_memory_growth(gpu, True)` for each GPU, before the first operation). Memory free but the',
    'error stays: a second cuDNN wins the library search; `unset LD_LIBRARY_PATH`, or reinstall the framework so its cuDNN comes back.',
  ].join('\n'),
  variants: [
    {
      when: 'jax&memory',
      message:
        'JAX\'s XLA could not create a cuDNN handle (`CUDNN_STATUS_INTERNAL_ERROR`), so JAX raised `DNN library initialization failed`. ' +
        `${MEMORY_LINE} The causes are too little GPU memory left (JAX's own preallocation plus another process) or a cuDNN ` +
        'other than the one jax was built for.',
      fix: JAX_FIX,
    },
    {
      when: 'jax',
      message:
        'JAX\'s XLA could not create a cuDNN handle (`CUDNN_STATUS_INTERNAL_ERROR`), so JAX raised `DNN library initialization failed`. ' +
        'The causes are too little GPU memory left (JAX\'s own preallocation plus another process) or a cuDNN other than the one jax was built for.',
      fix: JAX_FIX,
    },
  ],
  docs: 'https://docs.jax.dev/en/latest/gpu_memory_allocation.html',
};
