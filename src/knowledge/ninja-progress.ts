// The `ninja-progress` enricher: where a ninja build stood when its output ends, for a compile that stopped with no
// error in the log (cuda/compile-stopped-no-error).
//
// ninja's status line is `[%f/%t] ` unless NINJA_STATUS says otherwise (ninja-build/ninja src/status.cc,
// StatusPrinter: `progress_status_format_ = "[%f/%t] "`; %f the finished edges, %t the total), and in verbose mode
// (`ninja -v`, which torch's cpp_extension runs: `command = ['ninja', '-v']` in `_run_ninja_build`) or when the output is
// not a smart terminal (a pipe, a build log), ninja prints that line with a command when the command finishes
// (ninja-build/ninja PR #999, "dumb terminals only output when edges finish"). So a last `[N/M]` with N < M is a build
// that had finished N of its M commands when its output stops; N = M is a ninja build that finished.
import type { BuildModel, Step } from '../model/types.js';

export function ninjaProgressEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel): Record<string, string> {
  const out: Record<string, string> = {};
  const done = Number(captures['context.progress.done']);
  const total = Number(captures['context.progress.total']);
  if (Number.isInteger(done) && Number.isInteger(total) && done < total) {
    out.stopped = 'yes';
    out.doneEdges = String(done);
    out.totalEdges = String(total);
  }
  // torch's own wrapper of a failed ninja run: the build stopped, wherever its progress stood
  if (captures['context.torchWrapper'] !== undefined) out.stopped = 'yes';
  return out;
}
