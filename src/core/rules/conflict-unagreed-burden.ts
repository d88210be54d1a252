import { defineRule } from '../rule';

export default defineRule({
  code: 'conflict/unagreed-burden',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
