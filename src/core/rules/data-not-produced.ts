import { defineRule } from '../rule';

export default defineRule({
  code: 'data/not-produced',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
