import { defineRule } from '../rule';

export default defineRule({
  code: 'req/untraced',
  defaultSeverity: 'info',
  description: { en: 'TODO', zh: 'TODO' },
  run() {
    // TODO: not implemented yet
  },
});
