import type { RuleInput } from '../../schema.js';
import { libcuptiMissing } from './libcupti-missing.js';
import { sharedLibraryMissing } from './shared-library-missing.js';
import { libcudaStub } from './libcuda-stub.js';

/** The runtime/ rules, in priority order. */
export const runtimeRules: RuleInput[] = [libcuptiMissing, libcudaStub, sharedLibraryMissing];
