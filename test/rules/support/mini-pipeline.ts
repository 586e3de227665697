// Former home of the test-side pipeline used while the grammar was a stub; the grammar is real now.
// Kept as an alias so existing imports keep working: import from './analyze-log.js' instead.
export { analyzeLog } from './analyze-log.js';
