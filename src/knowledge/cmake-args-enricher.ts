// The `cmake-args` enricher: the CMAKE_ARGS a pip build of a CMake project passed (llama-cpp-python, and any
// scikit-build project: "All llama.cpp cmake build options can be set via the CMAKE_ARGS environment variable",
// llama-cpp-python's README), and the command it was set for, so a fix can add one flag to the build's own
// command instead of writing a new one. Read from the step's RUN instruction, else from a pasted line of the
// log (a rule's `cmakeArgs` context). Flags the fix will set again (`-DCMAKE_CUDA_ARCHITECTURES=…`,
// `-DCMAKE_EXE_LINKER_FLAGS=…`) are left out, so the flag is not given twice.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `CMAKE_ARGS="-DLLAMA_CUBLAS=on" FORCE_CMAKE=1 pip3 install llama-cpp-python --no-cache-dir`: the value and the rest of that command. */
const assignment = /\bCMAKE_ARGS=(?:"(?<dq>[^"\n]{0,400})"|'(?<sq>[^'\n]{0,400})'|(?<bare>[^\s"'&;|]{1,400}))(?<rest>[^&;|\n\\]{0,400})/;

/** The flags the fixes of this project's rules set themselves. */
const replaced = /^-D(?:CMAKE_CUDA_ARCHITECTURES|CMAKE_EXE_LINKER_FLAGS)=/;

/** The CMake flags of a CMAKE_ARGS assignment and the command it prefixes, or null when the text has none. */
export function cmakeArgsIn(text: string): { args: string; command: string } | null {
  const m = assignment.exec(text);
  if (m?.groups === undefined) return null;
  const value = m.groups.dq ?? m.groups.sq ?? m.groups.bare ?? '';
  const args = value
    .split(/\s+/)
    .filter((flag) => flag !== '' && !replaced.test(flag))
    .join(' ');
  const command = (m.groups.rest ?? '').trim();
  // Only a build command: `pip install …`, `pip3 install .`, `python -m pip install …`, `uv pip install …`.
  if (!/\b(?:pip3?|uv)\b[^\n]{0,200}\binstall\b/.test(command)) return null;
  return { args, command };
}

/** `cmakeCommand`, and `cmakeArgs` when the build passed flags besides those a fix sets; nothing without a CMAKE_ARGS build command. */
export function cmakeArgsEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const found = cmakeArgsIn(step?.instruction ?? '') ?? cmakeArgsIn(captures['context.cmakeArgs'] ?? '');
  if (found === null) return {};
  return found.args === '' ? { cmakeCommand: found.command } : { cmakeArgs: found.args, cmakeCommand: found.command };
}
