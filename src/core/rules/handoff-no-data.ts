import { defineRule } from '../rule';

export default defineRule({
  code: 'handoff/no-data',
  defaultSeverity: 'info',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
