// ollama's GPU discovery skipping every library because `OLLAMA_LLM_LIBRARY` names one that this release does not have:
// `msg="skipping available library at users request" requested=cuda libDir=/usr/lib/ollama/cuda_v12` (ollama/ollama#12797,
// ollama 0.12.5 in a Kubernetes pod, the same for cuda_v13; the GPU unused, while 0.11.11 used it).
// Sources, ollama's own code (github.com/ollama/ollama):
// - discover/runner.go: with `requested := envconfig.LLMLibrary()` (the `OLLAMA_LLM_LIBRARY` variable, envconfig/config.go:
//   "Set LLM library to bypass autodetection"), each library directory whose base name is not exactly the requested one is
//   skipped with this message (`filepath.Base(dir) != requested`). A name that is no directory's skips all of them, and the
//   server finds no GPU. The override came back in v0.12.4 ("Bring back escape valve for llm libraries", ollama/ollama#12529);
//   its message reads `at users request` up to 0.12.x and `at user's request` from v0.13.0 (ollama/ollama#13096).
// - The directories are the libraries' build names under lib/ollama: `cuda_v12` and `cuda_v13` from v0.11.11 ("Add v12 + v13
//   cuda support", ollama/ollama#12000; the Dockerfile's `-DOLLAMA_RUNNER_DIR="cuda_v12"` / `"cuda_v13"`), `rocm`, `cuda_jetpack5`,
//   `cuda_jetpack6`, `vulkan` in later releases: they change from release to release, so the fix lists the ones the log shows.
// - Before v0.12.4 a name the server did not have was ignored and the GPU found as usual (llm/server.go up to v0.12.3:
//   `requested := envconfig.LLMLibrary(); if availableLibs[requested] != "" { … }`): the same setting then did no harm.
// - `OLLAMA_DEBUG=1`: "During GPU discovery additional information will be reported" (docs/troubleshooting.mdx); this
//   message is slog.Debug, so a log that shows it was already written with it.
// The maintainer's answer in ollama/ollama#12797 (rick-github): "Don't set `OLLAMA_LLM_LIBRARY`"; the reporter confirmed.
// The rule fires only when the requested name is a family's bare name and a directory of that family with a version suffix was
// skipped (`cuda` → `cuda_v12`; `rocm` → `rocm_v7_2`, the ROCm directory's name in later Dockerfiles, where 0.12.5's was `rocm`). A full name that other directories are skipped for (`requested=cuda_v12
// libDir=…/cuda_v13`) is the override doing what it was asked.
// The libDir is matched after a `/`: Linux and container paths. A Windows server would log `lib\ollama\cuda_v12` paths, but no
// Windows log of this message was found in the ollama/ollama threads searched (its Windows threads show the other discovery
// lines: `skipping path which is not part of ollama`, `OLLAMA_LIBRARY_PATH=C:\Users\…\lib\ollama\cuda_v12`, #12640), so the
// match is left to the form seen, until a real Windows line shows how slog quotes such a path here.
// systemd: ollama's FAQ sets its variables with `systemctl edit ollama.service`, then `systemctl daemon-reload` and
// `systemctl restart ollama` (docs/faq.mdx, "Setting environment variables on Linux").
// `kubectl set env … NAME-` removes a variable from a workload (kubectl set env's reference: "Remove the environment variable
// ENV from container 'c1' in all deployment configs").
import type { RuleInput } from '../../schema.js';

export const ollamaLibraryOverride: RuleInput = {
  id: 'runtime/ollama-library-override',
  title: 'OLLAMA_LLM_LIBRARY names no library of this ollama: every GPU library skipped',
  severity: 'error',
  match: [
    // slog's logfmt: `msg="skipping available library at users request" requested=cuda libDir=/usr/lib/ollama/cuda_v12`. The family
    // name asked for, a directory of that family with a version skipped (one matcher per family: no backreferences here).
    {
      literals: ['skipping available library at user'],
      pattern: 'skipping available library at user\'?s request"? requested="?(?<requested>cuda)"? libDir="?[^\\s"]{0,300}/(?<libDir>cuda_[\\w.-]{1,60})"?',
    },
    {
      literals: ['skipping available library at user'],
      pattern: 'skipping available library at user\'?s request"? requested="?(?<requested>rocm)"? libDir="?[^\\s"]{0,300}/(?<libDir>rocm_[\\w.-]{1,60})"?',
    },
  ],
  scope: 'build',
  specificity: 3,
  message:
    'ollama was started with `OLLAMA_LLM_LIBRARY={requested}`, and it loads only the library directory of exactly that name. ' +
    'This release has none: its libraries are named by version ({libDir:all} are the ones the log shows it skipping), so it skipped ' +
    'every GPU library and runs without the GPU. Up to ollama 0.12.3 a name the server did not have was ignored, so the same setting did no harm before an upgrade.',
  fix: [
    'Remove `OLLAMA_LLM_LIBRARY` from the server\'s environment, so that ollama picks the library itself, and restart it:',
    '',
    '- Kubernetes: delete the variable from the Deployment\'s `env` (with Helm, from the values that set it, then `helm upgrade`); ' +
      '`kubectl set env deployment/NAME OLLAMA_LLM_LIBRARY-` removes it until the next Helm upgrade;',
    '- `docker run`: drop `-e OLLAMA_LLM_LIBRARY=…`; compose: its `environment:` entry;',
    '- systemd: `sudo systemctl edit ollama.service` and remove its `Environment="OLLAMA_LLM_LIBRARY=…"` line, then `sudo systemctl daemon-reload && sudo systemctl restart ollama`.',
    '',
    'To force one library anyway, give the full name of a directory this release has: one of {libDir:all} (the directories in ' +
      'the folder of the `libDir=` paths above), such as `OLLAMA_LLM_LIBRARY={libDir}`.',
  ].join('\n'),
  docs: 'https://github.com/ollama/ollama/blob/main/docs/troubleshooting.mdx',
};
