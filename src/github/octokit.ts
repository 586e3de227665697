// The action's second bundle (dist/octokit.cjs): @actions/github alone, required by the action at its
// first API request (see scripts/bundle.mjs), so that a run without a comment never loads it.
export { getOctokit } from '@actions/github';
