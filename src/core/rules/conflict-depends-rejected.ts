import { defineRule } from '../rule';

export default defineRule({
  code: 'conflict/depends-rejected',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
