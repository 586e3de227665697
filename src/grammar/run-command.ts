// The command a failed RUN step's error names, and whether a vertex's name is that RUN. BuildKit's error quotes the
// command as the shell got it, without the instruction's flags and with the build args unexpanded, while the vertex's
// name has the flags and the args expanded. In fixtures/real/buildkit-0.13-dockerd-26.1/nvcc-empty-arch.log (GPU_ARCH
// empty), the error:  process "/bin/sh -c cmake … \"-DCMAKE_CUDA_FLAGS=-gencode=arch=compute_${GPU_ARCH},…
// and the name:       [stage-0 4/4] RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0     cmake …
//                     "-DCMAKE_CUDA_FLAGS=-gencode=arch=compute_,…
// BuildKit before 0.11 words the error `executor failed running [/bin/sh -c …]: exit code: 2`.

/**
 * `process "/bin/sh -c pip install x" did not complete successfully: exit code: 1` (and older
 * BuildKit's `executor failed running [/bin/sh -c pip install x]: exit code: 1`) → `RUN pip install x`.
 */
export function runInstructionOf(message: string): string | null {
  // A step of another platform, run through BuildKit's QEMU: `process "/dev/.buildkit_qemu_emulator /bin/sh -c …"`.
  const current = /process "(?:\/dev\/\.buildkit_qemu_emulator )?\/bin\/(?:ba)?sh -c (.{1,4000}?)" did not complete successfully/.exec(message);
  const old = current ? null : /executor failed running \[(?:\/dev\/\.buildkit_qemu_emulator )?\/bin\/(?:ba)?sh -c (.{1,4000}?)\]: exit code/.exec(message);
  const command = current?.[1] ?? old?.[1];
  return command === undefined ? null : `RUN ${command.replace(/\\"/g, '"')}`;
}

/** `RUN --mount=type=cache,target=/root/.cache --network=none ` → `RUN `: the flags are in the name, not in the command. */
const RUN_FLAGS = /^RUN\s+(?:--\S+\s+)*/;

/** A RUN instruction as BuildKit names it, its flags (`--mount=…`, `--network=…`) left out: `RUN pip install …`. */
export function withoutRunFlags(instruction: string): string {
  return instruction.replace(RUN_FLAGS, 'RUN ');
}
/** `${TORCH_VERSION}`, `${CUDA:-12.4}`, `$PYTHON`: what the vertex name shows expanded. */
const VARIABLE = /\$\{[^}]{0,200}\}|\$[A-Za-z_][A-Za-z0-9_]{0,200}/;

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `instruction` (a vertex's name less its `[stage k/n]`) is the RUN that failed with `message`: the same
 * command, white space folded, each variable of the error's command standing for whatever it expanded to.
 */
export function isRunOf(instruction: string, message: string): boolean {
  const ran = runInstructionOf(message);
  if (ran === null) return false;
  return matchesWithGaps(foldSpace(withoutRunFlags(instruction)), foldSpace(ran).split(VARIABLE));
}

/** `text` is `pieces` in order with anything between them: first and last anchored, the middle ones found leftmost. */
function matchesWithGaps(text: string, pieces: readonly string[]): boolean {
  const first = pieces[0]!;
  if (pieces.length === 1) return text === first;
  const last = pieces[pieces.length - 1]!;
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = text.indexOf(pieces[i]!, at);
    if (found < 0 || found + pieces[i]!.length > end) return false;
    at = found + pieces[i]!.length;
  }
  return true;
}
