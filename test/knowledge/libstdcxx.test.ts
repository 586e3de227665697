import { describe, expect, test } from 'vitest';
import { condaPrefixOf, condaPrefixOfFile, isSystemLibrary, libstdcxxEnrich, resolvePath } from '../../src/knowledge/libstdcxx.js';
import type { BuildModel } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';

const enrich = (lib: string, label: string): Record<string, string> => libstdcxxEnrich({ lib, label }, null, {} as BuildModel, {} as FactView);

describe('libstdcxx enricher', () => {
  test('resolves `..` and `.` the way the loader did', () => {
    expect(resolvePath('/srv/conda/envs/notebook/lib/python3.9/site-packages/PIL/../../../././libstdc++.so.6')).toBe('/srv/conda/envs/notebook/lib/libstdc++.so.6');
    expect(resolvePath('/opt/conda/envs/py_3.10/bin/../lib/libstdc++.so.6')).toBe('/opt/conda/envs/py_3.10/lib/libstdc++.so.6');
  });

  test('a conda env: a named env or a conda install root', () => {
    expect(condaPrefixOf('/opt/conda/envs/py_3.10/lib/libstdc++.so.6')).toBe('/opt/conda/envs/py_3.10');
    expect(condaPrefixOf('/root/miniconda3/lib/libstdc++.so.6')).toBe('/root/miniconda3');
    expect(condaPrefixOf('/opt/conda/lib/libstdc++.so.6')).toBe('/opt/conda');
    // near misses: the distro's own directory, a venv's bundled copy
    expect(condaPrefixOf('/usr/lib/libstdc++.so.6')).toBeNull();
    expect(condaPrefixOf('/app/.venv/lib/python3.11/site-packages/foo.libs/libstdc++.so.6')).toBeNull();
  });

  test('a library installed in a conda env that loaded the system libstdc++ (rapidsai/ci-imgs#185)', () => {
    expect(condaPrefixOfFile('/opt/conda/lib/python3.11/site-packages/libmambapy/bindings.cpython-311-x86_64-linux-gnu.so')).toBe('/opt/conda');
    expect(condaPrefixOfFile('/home/u/miniconda3/envs/rapids/lib/python3.10/site-packages/x.so')).toBe('/home/u/miniconda3/envs/rapids');
    // near misses: a venv's and the distro's site-packages
    expect(condaPrefixOfFile('/app/.venv/lib/python3.11/site-packages/x.so')).toBeNull();
    expect(condaPrefixOfFile('/usr/lib/python3/dist-packages/x.so')).toBeNull();
    const by = '/opt/conda/lib/python3.11/site-packages/libmambapy/bindings.cpython-311-x86_64-linux-gnu.so';
    const r = libstdcxxEnrich({ lib: '/lib/x86_64-linux-gnu/libstdc++.so.6', label: 'GLIBCXX_3.4.29', by }, null, {} as BuildModel, {} as FactView);
    expect(r).toMatchObject({ systemLib: '/lib/x86_64-linux-gnu/libstdc++.so.6', byEnvPrefix: '/opt/conda', condaSpec: 'libstdcxx-ng>=11' });
    const venv = libstdcxxEnrich({ lib: '/lib/x86_64-linux-gnu/libstdc++.so.6', label: 'GLIBCXX_3.4.29', by: '/app/.venv/lib/python3.11/site-packages/x.so' }, null, {} as BuildModel, {} as FactView);
    expect(venv.byEnvPrefix).toBeUndefined();
  });

  test('the distro directories, with or without multiarch', () => {
    expect(isSystemLibrary('/usr/lib/x86_64-linux-gnu/libstdc++.so.6')).toBe(true);
    expect(isSystemLibrary('/lib/aarch64-linux-gnu/libstdc++.so.6')).toBe(true);
    expect(isSystemLibrary('/usr/lib64/libstdc++.so.6')).toBe(true);
    expect(isSystemLibrary('/usr/local/lib/libstdc++.so.6')).toBe(false);
  });

  test('the first GCC with the label (libstdc++ manual, ABI Policy), and the conda spec from its major', () => {
    expect(enrich('/opt/conda/envs/py_3.10/bin/../lib/libstdc++.so.6', 'GLIBCXX_3.4.30')).toEqual({
      libPath: '/opt/conda/envs/py_3.10/lib/libstdc++.so.6',
      gcc: '12.1',
      gccMajor: '12',
      gccFloor: '12',
      condaSpec: 'libstdcxx-ng>=12',
      envPrefix: '/opt/conda/envs/py_3.10',
    });
    expect(enrich('/usr/lib/x86_64-linux-gnu/libstdc++.so.6', 'CXXABI_1.3.13')).toMatchObject({ gcc: '11.1', systemLib: '/usr/lib/x86_64-linux-gnu/libstdc++.so.6' });
    // a label the table does not have: no GCC and no version bound guessed
    const unknown = enrich('/opt/conda/lib/libstdc++.so.6', 'GLIBCXX_3.4.99');
    expect(unknown.gcc).toBeUndefined();
    expect(unknown.condaSpec).toBeUndefined();
    expect(unknown.envPrefix).toBe('/opt/conda');
  });

  test('a label of a later minor release bounds the conda spec by that release, not its major', () => {
    // conda-forge published libstdcxx-ng 13.1.0, which `>=13` accepts and which lacks GLIBCXX_3.4.32 (GCC 13.2)
    expect(enrich('/opt/conda/lib/libstdc++.so.6', 'GLIBCXX_3.4.32')).toMatchObject({ gcc: '13.2', gccFloor: '13.2', condaSpec: 'libstdcxx-ng>=13.2' });
    expect(enrich('/opt/conda/lib/libstdc++.so.6', 'GLIBCXX_3.4.28')).toMatchObject({ gcc: '9.3', condaSpec: 'libstdcxx-ng>=9.3' });
    expect(enrich('/opt/conda/lib/libstdc++.so.6', 'GLIBCXX_3.4.24')).toMatchObject({ gcc: '7.2', condaSpec: 'libstdcxx-ng>=7.2' });
    expect(enrich('/opt/conda/lib/libstdc++.so.6', 'CXXABI_1.3.15')).toMatchObject({ gcc: '14.1', condaSpec: 'libstdcxx-ng>=14' });
  });

  test('Debian\'s 32-bit multilib directory is the distro\'s too', () => {
    expect(isSystemLibrary('/usr/lib32/libstdc++.so.6')).toBe(true);
  });

  test('an ImportError prefix before the path is not part of it', () => {
    expect(enrich('ImportError: /opt/conda/lib/libstdc++.so.6', 'GLIBCXX_3.4.29').libPath).toBe('/opt/conda/lib/libstdc++.so.6');
  });
});
