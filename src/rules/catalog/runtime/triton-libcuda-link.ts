// Triton compiles small C helpers at run time (its `cuda_utils` module and each kernel's launcher) and links
// them with gcc against the driver: `Command '['/usr/bin/gcc', '/tmp/…/main.c', …, '-lcuda', '-L…/triton/backends/nvidia/lib',
// '-L/usr/lib64', …]' returned non-zero exit status 1.` (huggingface/text-generation-inference#2838 at warmup under
// podman with CDI devices; JIA-Lab-research/Seg-Zero#63 on a host, where ld said `cannot find -lcuda`).
// Where the `-L` directories come from: `libcuda_dirs()` in Triton's third_party/nvidia/backend/driver.py
// (triton-lang/triton, code corpus) returns `TRITON_LIBCUDA_PATH` when set, else the directories `/sbin/ldconfig -p`
// lists for `libcuda.so.1` (else those on LD_LIBRARY_PATH holding it); the link line is the Triton backend's lib
// directory first, then those. `-lcuda` makes ld look for the linker name `libcuda.so`, not `libcuda.so.1`, so a
// directory with only the driver's `libcuda.so.1` (and its full version) fails the link. Triton's own message for a
// machine without the name: "Please create a symlink of libcuda.so to any of the files" (same file); a commenter
// of state-spaces/mamba#123 pointed at `TRITON_LIBCUDA_PATH` for it.
// In a container the driver's libraries are the host's, mounted at start. CDI specs from `nvidia-ctk cdi generate`
// create `libcuda.so -> libcuda.so.1` only since NVIDIA/nvidia-container-toolkit#715 (merged 2024-09-26, backported
// in #724): "If the driver libraries are present, the following symlinks are created: {{ .LibRoot }}/libcuda.so ->
// libcuda.so.1"; a spec generated before that has no linker name. `create-symlinks` hooks take `target::link`
// arguments (containers/toolbox#1545 quotes one), so the spec's line for it reads `libcuda.so.1::…/libcuda.so`.
// The toolkit's CDI page (docs.nvidia.com …/container-toolkit/latest/cdi-support.html): `sudo nvidia-ctk cdi generate
// --output=/etc/cdi/nvidia.yaml`, `nvidia-ctk cdi list`; from v1.18.0 a systemd service (nvidia-cdi-refresh) keeps a
// spec in /var/run/cdi/ up to date, hence both directories in the check. libnvidia-container, behind `--gpus` with
// the NVIDIA runtime, already made the link (#715 "aligns the creation of symlinks under CDI with the implementation
// in libnvidia-container"); there a missing `libcuda.so` means no driver was mounted at all, or a host without it.
// Older Triton (2.0) printed no Command line: ld's `cannot find -lcuda` and `collect2: error: ld returned 1 exit status`,
// then a traceback through the kernel's launcher (triton-lang/triton#1981, the PR author's output). That launcher is
// source Triton 2.0 `exec`s (`_make_launcher` in python/triton/runtime/jit.py, code corpus), so its frame is
// `File "<string>", line N, in <kernel>`, and a kernel not yet compiled shows as `KeyError` on its cache key, whose first
// element is `version_key()`: `'-'.join(triton.__version__) + '-' + ptxas_version + '-' + …` (`'2-.-0-.-0--…'`). So
// ld's line counts here only beside a sign of Triton (that key, a path through a `triton/` package, or Triton's own
// Command line); ld's line for other libraries (`-lcudart`, `-lcublas`) is no match.
// Not this rule: the same Command line for Windows' tcc/cl (triton-windows), whose paths are backslashed and
// whose library is `cuda.lib`.
import type { RuleInput } from '../../schema.js';

const SPEC = '/etc/cdi/nvidia.yaml';

export const tritonLibcudaLink: RuleInput = {
  id: 'runtime/triton-libcuda-link',
  title: 'Triton could not link its launcher: no libcuda.so where gcc looks',
  severity: 'error',
  match: [
    // `Command '['/usr/bin/gcc', '/tmp/tmpspnxcoyi/main.c', '-O3', …, '-lcuda', …]' returned non-zero exit status 1.`
    {
      literals: ["'-lcuda'"],
      pattern: "Command '\\['(?<cc>/[\\w./+-]{1,200})', '/[\\w./-]{1,200}\\.c', .{0,2000}?'-lcuda', .{0,3000}?\\]' returned non-zero exit status (?<status>\\d{1,3})",
    },
    // `/usr/bin/ld: cannot find -lcuda` (some ld releases add `: No such file or directory`), only beside Triton (`when`)
    { literals: ['cannot find -lcuda'], pattern: 'cannot find -lcuda(?![\\w.+-])' },
  ],
  when: 'triton',
  context: [
    // Triton at run time: its Command line, a frame in a `triton/` package (pip's `site-packages`, or Debian's `dist-packages`
    // of a system Python: `/usr/local/lib/python3.10/dist-packages/triton/common/build.py in _build`, MAGICS-LAB/DNABERT_2#56),
    // or Triton 2.x's launcher cache key
    {
      name: 'triton',
      literals: ["'-lcuda'", '/triton/', "KeyError: ('"],
      pattern: "'-lcuda'|/(?:site|dist)-packages/triton/|KeyError: \\('\\d{1,2}-\\.-\\d{1,2}-\\.-\\d{1,3}-",
    },
    // the directory Triton found the driver in: the `-L` after the Triton backend's own lib directory
    {
      name: 'driverDir',
      literals: ["'-lcuda'"],
      pattern: "triton/backends/nvidia/lib', '-L(?<dir>/[\\w./+-]{1,200})'",
    },
    // the container got its GPUs through CDI (podman `--device nvidia.com/gpu=…`, docker `--device nvidia.com/gpu=…`)
    { name: 'cdi', literals: ['nvidia.com/gpu='] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'Triton builds a small C helper at run time and links it with `-lcuda`, which makes the linker look for the driver under its linker name ' +
    '`libcuda.so`. Triton found the driver\'s directory through `ldconfig` ({context.driverDir.dir|the `-L` directories after Triton\'s own}), ' +
    'and the link failed: that directory has no `libcuda.so` (or no driver at all).',
  fix: [
    'Check which names the driver has and where Triton looks (inside the container when it runs in one):',
    '',
    '```sh',
    'ldconfig -p | grep libcuda',
    'ls -l {context.driverDir.dir|/usr/lib/x86_64-linux-gnu}/libcuda.so*',
    '```',
    '',
    '- `libcuda.so.1` there and no `libcuda.so`: create the linker name beside it (`ln -s libcuda.so.1 {context.driverDir.dir|/usr/lib/x86_64-linux-gnu}/libcuda.so` ' +
      'as root; in an image built on this one as a `RUN`, where it dangles until the driver is mounted), or point Triton at a directory that has ' +
      '`libcuda.so` by setting the environment variable `TRITON_LIBCUDA_PATH` to it (Triton then links against that directory only);',
    '- neither name: no driver reached this process; a container needs GPU access (`--gpus all` with the NVIDIA Container Toolkit, or a CDI device).',
  ].join('\n'),
  variants: [
    {
      when: 'cdi',
      message:
        'Triton builds a small C helper at run time and links it with `-lcuda`, which makes the linker look for the driver under its linker name ' +
        '`libcuda.so`. The container gets its GPUs through CDI (`--device nvidia.com/gpu=…`), and the directories Triton passed ' +
        '({context.driverDir.dir|those `-L` entries}) have the driver as `libcuda.so.1` at most: a CDI spec made by `nvidia-ctk cdi generate` ' +
        'before NVIDIA/nvidia-container-toolkit#715 (September 2024) mounts the versioned files and creates no `libcuda.so` link.',
      fix: [
        'Check inside the running container which names the driver has, and on the host whether the CDI spec creates the link:',
        '',
        '```sh',
        'ls -l {context.driverDir.dir|/usr/lib/x86_64-linux-gnu}/libcuda.so*',
        "grep -n 'libcuda.so.1::' /etc/cdi/*.yaml /var/run/cdi/*.yaml",
        '```',
        '',
        'No such line in the spec: update the NVIDIA Container Toolkit on the host and generate the spec again (newer specs create ' +
          '`libcuda.so -> libcuda.so.1`), then start the container again:',
        '',
        '```sh',
        'nvidia-ctk --version',
        `sudo nvidia-ctk cdi generate --output=${SPEC}`,
        'nvidia-ctk cdi list',
        '```',
        '',
        'Without changing the host, add the link in an image built on this one (`RUN ln -s libcuda.so.1 ' +
          '{context.driverDir.dir|/usr/lib/x86_64-linux-gnu}/libcuda.so`: it dangles in the image and resolves once the driver is mounted), ' +
          'or point Triton at a directory that has `libcuda.so` by setting `TRITON_LIBCUDA_PATH` to it (`-e` on the run command).',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/cdi-support.html',
};
