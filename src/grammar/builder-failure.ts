// The end of a failed build for the builders that print one error line and no Dockerfile excerpt
// (the classic builder, podman / buildah): the step's error and the build's, in one go.
import type { ParseContext } from './context.js';

/** `text`: the line as printed, for a line that was read as output before it was known as the build's error (classic.ts). */
export function emitBuilderFailure(ctx: ParseContext, line: number, step: number | null, message: string, exitCode: number | null, text?: string): void {
  if (step !== null) ctx.emit({ type: 'step-error', line, id: step, seconds: null, message });
  ctx.emit({
    type: 'solve-error',
    line,
    error: { dockerfile: null, line: null, endLine: null, excerpt: [], message, exitCode, step },
    ...(text === undefined ? {} : { text }),
  });
}
