import { defineRule } from '../rule';

export default defineRule({
  code: 'req/no-acceptance',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
