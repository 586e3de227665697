// `buildkit-doctor lint [DOCKERFILE]`. STUB: to be replaced.
import type { Command } from './args.js';
import type { CliIO } from './main.js';
import { InputError } from './errors.js';

export async function lintCommand(_command: Extract<Command, { kind: 'lint' }>, _io: CliIO): Promise<number> {
  throw new InputError('lint is not available yet');
}
