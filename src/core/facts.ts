/**
 * The facts of one analysis: what several rules (and the code around them)
 * read about the same model, each computed on first use and then shared: the
 * step graph, the schema walk, the YAML tree walk, the `overrides` index and
 * the `produces` values the model could not read.
 *
 * One object per analysis, created by the engine (`createFacts` in
 * `engine.ts`, which knows the rule catalogue) and handed to every rule as
 * `ctx.facts`. Nothing is cached at module level, so analyses can run at the
 * same time (interleaved, in a worker) without seeing each other's facts.
 */
import { buildGraph, type StepGraph } from './graph';
import { mapPairs, scalarText, type Model, type Step } from './model';
import { findMistakes, type Mistake } from './mistakes';
import { deref } from './parse';
import { walkDocument, type DocumentWalks, type SchemaFindings, type YamlTreeFacts } from './schema/index';

export class AnalysisFacts {
  private stepGraph: StepGraph | undefined;
  private walks: DocumentWalks | undefined;
  private overridesIndex: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  private typingMistakes: Mistake[] | undefined;

  /**
   * `ruleCodes`: the codes a `rules:` map accepts, in catalogue order (given
   * by the engine, so that the schema walk need not know the catalogue).
   */
  constructor(
    readonly model: Model,
    private readonly ruleCodes: readonly string[],
  ) {}

  /** The step graph (flow and data rules). */
  get graph(): StepGraph {
    return (this.stepGraph ??= buildGraph(this.model));
  }

  /** Everything the schema/* rules report, from one walk of the document. */
  get schema(): SchemaFindings {
    return this.documentWalks().findings;
  }

  /** Repeated keys and unresolved aliases (yaml/* rules), from the same walk. */
  get yamlTree(): YamlTreeFacts {
    return this.documentWalks().tree;
  }

  /** Typing mistakes of form in the text (tabs, full-width punctuation, indentation), found before the parser (`mistakes.ts`). */
  get mistakes(): readonly Mistake[] {
    // a text rejected as nesting too deep is no file a typing mistake explains (and may be huge): not scanned
    const parsed = this.model.parsed;
    return (this.typingMistakes ??= parsed.errors.some((e) => e.code === 'BIZFLOW_TOO_DEEP') ? [] : findMistakes(parsed.text));
  }

  /** Requirement id → the ids it lists in `overrides` (only requirements that list some). */
  get overrides(): ReadonlyMap<string, ReadonlySet<string>> {
    if (!this.overridesIndex) {
      const index = new Map<string, ReadonlySet<string>>();
      for (const r of this.model.requirements.list) {
        if (r.overrides.length) index.set(r.id, new Set(r.overrides.map((o) => o.id)));
      }
      this.overridesIndex = index;
    }
    return this.overridesIndex;
  }

  /**
   * For a step that got no data id from its `produces` (`step.produces` is
   * empty): the value of its `produces` key (following one alias), `undefined`
   * when it has none. It tells "produces nothing" from "produces something in
   * a shape the model cannot read". Recorded by the model build; read from
   * the step's map for a model whose steps were replaced after the build.
   */
  unreadProduces(step: Step): unknown {
    const recorded = this.model.unreadProduces;
    if (recorded && recorded.steps === this.model.steps) return recorded.values.get(step);
    const parsed = this.model.parsed;
    const pairs = mapPairs(step.node, parsed);
    for (let i = 0; i < pairs.length; i++) {
      if (scalarText(pairs[i].key) === 'produces') return deref(parsed, pairs[i].value);
    }
    return undefined;
  }

  private documentWalks(): DocumentWalks {
    return (this.walks ??= walkDocument(this.model, this.ruleCodes));
  }
}
