// The `cmake-arch-line` enricher: a native CMake build's configure line as the log printed it
// (`cmake -B build -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=121 -DGGML_CUDA_PDL=ON`, ggml-org/llama.cpp#22522), with
// the GPU's capability added to its CUDA arch list, so a fix rebuilds with the build's own flags. `XY` stands for the
// capability the fix says how to read (nvidia-smi's compute_cap, `12.0` → `120`): the log does not name the GPU.
// CMake reads CMAKE_CUDA_ARCHITECTURES as a `;` list, an entry without a `-real` / `-virtual` suffix giving both
// SASS and PTX (cmake --help-property CUDA_ARCHITECTURES; cmake.org/cmake/help/latest/prop_tgt/CUDA_ARCHITECTURES.html).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const flag = /(\s)-DCMAKE_CUDA_ARCHITECTURES(?::STRING)?=(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"']{1,200}))/;

/** The cmake command of a line with its arch list extended by `XY`, and that list; null when the line holds no such command. */
export function cmakeArchLine(line: string): { command: string; list: string } | null {
  // the cmake command alone: up to the shell's next `&&`, `||`, `;`, `|` or a line continuation
  // (a quoted list, `"80;86;90"`, is one word)
  const start = /(?:^|[\s;&|$>(])(cmake\s(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[^\n;&|\\"']){0,800})/.exec(line);
  if (start === null) return null;
  const command = start[1]!.trim().replace(/\s{2,}/g, ' ');
  const m = flag.exec(command);
  if (m === null) return null;
  const list = (m[2] ?? m[3] ?? m[4]!).trim();
  if (!/^[0-9][0-9a-z;-]*$/.test(list)) return null;
  const rewritten = command.slice(0, m.index) + `${m[1]}-DCMAKE_CUDA_ARCHITECTURES="${list};XY"` + command.slice(m.index + m[0].length);
  return { command: rewritten, list };
}

/** `cmakeArchLine` (the rewritten command) and `cmakeArchHad` (the list the build had), from a rule's `cmakeArch` context. */
export function cmakeArchLineEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const found = cmakeArchLine(captures['context.cmakeArch'] ?? '');
  return found === null ? {} : { cmakeArchLine: found.command, cmakeArchHad: found.list };
}
