import { defineRule } from '../rule';

export default defineRule({
  code: 'role/unused',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
