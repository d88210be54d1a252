import { defineRule } from '../rule';

export default defineRule({
  code: 'conflict/priority-inversion',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
