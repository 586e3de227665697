// `buildkit-doctor run -- COMMAND…`. STUB: to be replaced.
import type { Command } from './args.js';
import type { CliIO } from './main.js';
import { InputError } from './errors.js';

export async function runCommand(_command: Extract<Command, { kind: 'run' }>, _io: CliIO): Promise<number> {
  throw new InputError('run is not available yet');
}
