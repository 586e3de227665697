import { describe, expect, test } from 'vitest';
import { failedCommandOf } from '../../src/knowledge/failed-command.js';

describe('failedCommandOf', () => {
  test("Python's CalledProcessError with an argument list: the words joined as a shell line", () => {
    const line = "subprocess.CalledProcessError: Command '['cmake', '--build', '.', '-j=1', '--target=_moe_C']' returned non-zero exit status 1.";
    expect(failedCommandOf(line)).toEqual({ command: 'cmake --build . -j=1 --target=_moe_C', status: 1 });
  });

  test('CalledProcessError with a string command, and with words quoted with double quotes', () => {
    expect(failedCommandOf("subprocess.CalledProcessError: Command 'make -j8' returned non-zero exit status 2.")).toEqual({ command: 'make -j8', status: 2 });
    expect(failedCommandOf(`CalledProcessError: Command '['ninja', "it's"]' returned non-zero exit status 137.`)).toEqual({ command: "ninja 'it'\\''s'", status: 137 });
    // a word with a space stays one word on the shell line
    expect(failedCommandOf("CalledProcessError: Command '['gcc', '-DX=a b', 'my file.c']' returned non-zero exit status 1.")?.command).toBe("gcc '-DX=a b' 'my file.c'");
  });

  test("setuptools' `error: command … failed with exit code / status`", () => {
    expect(failedCommandOf("error: command '/usr/bin/gcc' failed with exit code 1")).toEqual({ command: '/usr/bin/gcc', status: 1 });
    expect(failedCommandOf("  error: command 'gcc' failed with exit status 1")).toEqual({ command: 'gcc', status: 1 });
  });

  test('a line that names no failed command', () => {
    expect(failedCommandOf('RuntimeError: Error compiling objects for extension')).toBeNull();
    expect(failedCommandOf("error: command 'gcc' not found")).toBeNull();
  });
});
