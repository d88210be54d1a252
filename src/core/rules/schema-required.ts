import { defineRule } from '../rule';

export default defineRule({
  code: 'schema/required',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
