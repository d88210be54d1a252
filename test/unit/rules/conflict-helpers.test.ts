/**
 * Helpers of src/core/conflicts.ts that the review code uses directly (the
 * rules' own use is tested through the rules): read from a real document.
 */
import { strict as assert } from 'assert';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import { createFacts } from '../../../src/core/engine';
import { decided } from '../../../src/core/conflicts';
import { yaml } from '../helpers';

describe('conflicts: decided (a decision recorded with `overrides`, either way round)', () => {
  const text = yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales: {}
    steps:
      s1:
        type: start
        role: sales
    requirements:
      R1:
        overrides: [R2]
        decidedBy: sales
      R2:
        steps: [s1]
      R3:
        overrides: [R4, R1]
      R4: {}
      R5:
        overrides: []
  `;

  it('is true for the two of an `overrides` entry, from either side, and false for every other pair', () => {
    const model = buildModel(parseText(text));
    const facts = createFacts(model);
    const r = (id: string) => model.requirements.byId.get(id)!;
    const pairs = (ids: string[]) => ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b]));
    const ids = ['R1', 'R2', 'R3', 'R4', 'R5'];
    const yes = new Set(['R1 R2', 'R2 R1', 'R3 R4', 'R4 R3', 'R3 R1', 'R1 R3']);
    for (const [a, b] of pairs(ids)) assert.equal(decided(facts, r(a), r(b)), yes.has(`${a} ${b}`), `${a} ${b}`);
  });
});
