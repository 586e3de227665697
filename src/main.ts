// The action: the only module that reads inputs and sets outputs. STUB: to be replaced.
import * as core from '@actions/core';

export async function run(): Promise<void> {
  core.info('buildkit-doctor');
}
