import { defineRule } from '../rule';

export default defineRule({
  code: 'data/unused',
  defaultSeverity: 'info',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
