// The `cmake-arch-line` enricher: a native CMake build's configure line as the log printed it
// (`cmake -B build -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=121 -DGGML_CUDA_PDL=ON`, ggml-org/llama.cpp#22522), with
// the GPU's capability added to its CUDA arch list, so a fix rebuilds with the build's own flags. `XY` stands for the
// capability the fix says how to read (nvidia-smi's compute_cap, `12.0` → `120`): the log does not name the GPU.
// CMake reads CMAKE_CUDA_ARCHITECTURES as a `;` list, an entry without a `-real` / `-virtual` suffix giving both
// SASS and PTX (cmake --help-property CUDA_ARCHITECTURES; cmake.org/cmake/help/latest/prop_tgt/CUDA_ARCHITECTURES.html).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const flag = /(\s)-DCMAKE_CUDA_ARCHITECTURES(?::STRING)?=(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"']{1,200}))/;

const cmakeStart = /(?:^|[\s;&|$>(])cmake\s/;

/**
 * The cmake command that starts at `from`: up to the shell's next `&&`, `||`, `;`, `|` or a line continuation, a quoted
 * word (`"80;86;90"`) read whole. Walked by hand rather than by one regex, whose nested quantifiers would not be linear.
 * A quote that does not close within 200 characters ends the command before it; the command is at most 800 characters.
 */
function commandFrom(line: string, from: number): string {
  let at = from;
  while (at < line.length && at - from < 800) {
    const c = line[at]!;
    if (c === '"' || c === "'") {
      const close = line.indexOf(c, at + 1);
      if (close < 0 || close - at - 1 > 200 || line.slice(at + 1, close).includes('\n')) break;
      at = close + 1;
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '\\') break;
    at++;
  }
  return line.slice(from, at);
}

/** The cmake command of a line with its arch list extended by `XY`, and that list; null when the line holds no such command. */
export function cmakeArchLine(line: string): { command: string; list: string } | null {
  const start = cmakeStart.exec(line);
  if (start === null) return null;
  const command = commandFrom(line, start.index + start[0].length - 'cmake '.length).trim().replace(/\s{2,}/g, ' ');
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
