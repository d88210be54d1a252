import { defineRule } from '../rule';

export default defineRule({
  code: 'data/used-before-produced',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
