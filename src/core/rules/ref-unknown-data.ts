import { defineRule } from '../rule';

export default defineRule({
  code: 'ref/unknown-data',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
