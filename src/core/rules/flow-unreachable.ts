import { defineRule } from '../rule';

export default defineRule({
  code: 'flow/unreachable',
  defaultSeverity: 'warning',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
