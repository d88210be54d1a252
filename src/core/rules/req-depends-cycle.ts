import { defineRule } from '../rule';

export default defineRule({
  code: 'req/depends-cycle',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
