/** A problem with the user's input or arguments: printed as one line, exit code 2, no stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}
