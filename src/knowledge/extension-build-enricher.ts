// The `extension-build` enricher: for a CUDA extension built by pip / uv (flash-attn, vllm, apex, a
// project's own setup.py), the command that rebuilds it with the stage's toolkit and torch visible
// (`--no-build-isolation`), in the form of the installer the step used (installer-forms.ts), and the
// build knobs the package reads (extension-knobs.ts). The package comes from the rule's captures:
// pip's `Building wheel for X`, `Collecting X`, or the instruction's `pip install X`. Nothing is made
// up: without a package name there is no `rebuild`, and the rule's variant says how to find it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { inPipForm, installCommand, pipFormOf } from './installer-forms.js';
import { installerOf } from './installer-forms.js';
import { knobsFor } from './extension-knobs.js';

/** Capture names that carry the package being built, most direct first. */
const PACKAGE_KEYS = ['context.building.package', 'context.collecting.package', 'context.pipTarget.package', 'context.extModule.package'];

const RELEVANT_KNOBS = new Set(['FLASH_ATTN_CUDA_ARCHS', 'TORCH_CUDA_ARCH_LIST', 'MAX_JOBS', 'NVCC_THREADS', 'VLLM_USE_PRECOMPILED']);


/** `flash_attn-2.6.3` / `flash-attn==2.6.3` / `flash-attn` → `flash-attn` and the version, if any. */
function requirementOf(raw: string): { name: string; spec: string } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,100}?)(?:(==|-)(\d[\w.+]{0,40}))?$/.exec(raw.trim());
  if (m === null || m[1] === undefined) return null;
  const name = m[1];
  if (/^(?:pip|setuptools|wheel|\.|-.*)$/.test(name)) return null;
  return { name, spec: m[3] !== undefined ? `${name}==${m[3]}` : name };
}

/** Flags of `pip install` / `uv pip install` that take a value (the value is no requirement). */
const VALUE_FLAGS = new Set(['-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--target', '-t', '--prefix', '--root', '--python', '--upgrade-strategy', '--config-settings', '-C', '--platform', '--python-version', '--only-binary', '--no-binary', '--trusted-host', '--cache-dir', '--src']);

/**
 * What a `pip install` / `uv pip install` in the instruction installs: the local project (`.`, `-e .`),
 * a requirements file (`-r requirements.txt`), or its first package. Null when there is no such command.
 */
export function installTargetOf(instruction: string): { spec: string; name: string | null } | null {
  const m = /\b(?:uv\s+pip|pip3?|python3?(?:\.\d{1,2})?\s+-m\s+pip)\s+install\s+([^&|;\n]{1,400})/.exec(instruction);
  if (m === null) return null;
  const words = m[1]!.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^["']|["']$/g, '');
    if (w === '-r' || w === '--requirement') return words[i + 1] ? { spec: `-r ${words[i + 1]}`, name: null } : null;
    if (w === '-e' || w === '--editable') return words[i + 1] ? { spec: `-e ${words[i + 1]}`, name: null } : null;
    if (VALUE_FLAGS.has(w)) { i++; continue; }
    if (w.startsWith('-')) continue;
    if (w === '.' || w.startsWith('./') || w.startsWith('/')) return { spec: w, name: null };
    const req = requirementOf(w.replace(/\[[^\]]{0,200}\]/, ''));
    if (req !== null) return { spec: w.includes('==') ? w : req.spec, name: req.name };
  }
  return null;
}

/**
 * Rebuild one installed package from source against what is installed, leaving its dependencies (torch)
 * alone. pip: --no-binary <format_control>, --force-reinstall, --no-deps (pip install --help, pip 23.2.1 here);
 * uv: --reinstall-package and --no-binary (uv-configuration Reinstall::Packages, uv-settings PipOptions.no_binary).
 */
export function rebuildFromSourceCommand(installer: ReturnType<typeof installerOf>, name: string, spec: string): string {
  const q = (w: string): string => (/^[A-Za-z0-9_.,:/=+@%-]+$/.test(w) ? w : `'${w}'`);
  if (installer === 'uv') return `uv pip install --no-build-isolation --no-cache --no-deps --reinstall-package ${q(name)} --no-binary ${q(name)} ${q(spec)}`;
  const pip = installer === 'pip' ? 'pip' : 'python -m pip';
  return `${pip} install --no-build-isolation --no-cache-dir --force-reinstall --no-deps --no-binary ${q(name)} ${q(spec)}`;
}

export function extensionBuildEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const raw = PACKAGE_KEYS.map((k) => captures[k]).find((v) => v !== undefined && v.trim() !== '');
  const captured = raw === undefined ? null : requirementOf(raw);
  const fromInstruction = captured === null ? installTargetOf(step?.instruction ?? '') : null;
  const req = captured ?? (fromInstruction ? { name: fromInstruction.name ?? '', spec: fromInstruction.spec } : null);
  if (req === null) return {};
  const installer = installerOf(facts);
  // `-r file` / `-e .` are two words of one requirement for installCommand's quoting: keep them as printed.
  const words = req.spec.split(' ');
  const command = installCommand(installer, { requirements: [words[words.length - 1]!], noBuildIsolation: true });
  const out: Record<string, string> = {
    // the flag words (`-r`, `-e`) go before the last word of the command, the requirement
    rebuild: words.length > 1 ? `${command.slice(0, command.lastIndexOf(' ') + 1)}${words.slice(0, -1).join(' ')} ${command.slice(command.lastIndexOf(' ') + 1)}` : command,
  };
  if (req.name !== '') {
    out.buildPackage = req.name;
    out.rebuildFromSource = rebuildFromSourceCommand(installer, req.name, req.spec);
  }
  // pip as the step ran it (`python3.11 -m pip`, `pip3`), so the rebuild uses the same Python's pip
  const form = installer === 'pip' ? pipFormOf(step?.instruction) : null;
  for (const key of ['rebuild', 'rebuildFromSource']) if (out[key] !== undefined) out[key] = inPipForm(out[key], form);
  // Defaults are left out: they differ between releases of a package (flash-attn's arch list grew).
  // The knobs that decide what and how much is compiled; the others (ABI, forced / skipped builds) do not bear on these findings.
  const knobs = req.name === '' ? [] : knobsFor(req.name).filter((k) => RELEVANT_KNOBS.has(k.name));
  if (knobs.length > 0) {
    out.knobs = `Build knobs ${req.name} reads: ${knobs
      .map((k) => `${k.name} (${k.effect})`)
      .join('; ')}.`;
  }
  return out;
}
