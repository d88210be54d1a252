import { defineRule } from '../rule';

export default defineRule({
  code: 'flow/end-has-next',
  defaultSeverity: 'error',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
