import { defineRule } from '../rule';

export default defineRule({
  code: 'schema/id',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
