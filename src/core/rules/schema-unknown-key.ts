import { defineRule } from '../rule';

export default defineRule({
  code: 'schema/unknown-key',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
