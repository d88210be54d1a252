import { defineRule } from '../rule';

export default defineRule({
  code: 'yaml/syntax',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
