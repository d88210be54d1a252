import { defineRule } from '../rule';

export default defineRule({
  code: 'flow/no-path-to-end',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
