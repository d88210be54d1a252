import { isMap, isPair, isScalar, type Pair } from 'yaml';
import { defineRule } from '../rule';
import { rangeSpan, scalarText } from '../model';
import { deref } from '../parse';
import { documentStart } from '../schema';

/**
 * `bizflow: 1` must be present. A missing key is reported at the document
 * start (an empty span where the first top-level key begins, after any
 * leading comments; offset 0 for an empty document); a wrong value on the
 * `bizflow` key.
 */
export default defineRule({
  code: 'schema/version',
  defaultSeverity: 'error',
  description: {
    en: 'The file must start with `bizflow: 1`, the format version.',
    zh: '文件必须以格式版本 `bizflow: 1` 开头。',
  },
  run(ctx) {
    const { model } = ctx;
    const doc = model.parsed.doc;
    const key = ctx.q('bizflow');
    const v1 = ctx.q('bizflow: 1');
    if (!doc) return; // the parser gave up: yaml/syntax says why
    const root = model.root;
    if (!root) {
      const contents = deref(model.parsed, doc.contents);
      const empty = contents === null || contents === undefined || (isScalar(contents) && contents.value === null);
      ctx.report({
        span: documentStart(model),
        message: empty
          ? ctx.t(
              `The file is empty. A BizFlow file starts with ${v1}, followed by ${ctx.q('process')}, ${ctx.q('roles')} and ${ctx.q('steps')}.`,
              `文件为空。BizFlow 文件以${v1}开头，随后是${ctx.q('process')}、${ctx.q('roles')}和${ctx.q('steps')}。`,
            )
          : ctx.t(
              `This is not a BizFlow file: it must be a map of top-level keys starting with ${v1}.`,
              `这不是 BizFlow 文件：文件必须是以${v1}开头的顶层键映射。`,
            ),
        data: { expected: 1 },
      });
      return;
    }
    let pair: Pair | undefined;
    for (const p of root.items as unknown[]) {
      if (isPair(p) && scalarText(p.key) === 'bizflow') {
        pair = p as Pair;
        break;
      }
    }
    if (!pair) {
      ctx.report({
        span: documentStart(model),
        message: ctx.t(
          `The format version is missing: add ${v1} as the first line of the file.`,
          `缺少格式版本：请在文件第一行添加${v1}。`,
        ),
        data: { expected: 1 },
      });
      return;
    }
    const v = deref(model.parsed, pair.value);
    if (isScalar(v) && v.value === 1) {
      const src = rangeSpan(v, ctx.text);
      const written = src ? ctx.text.slice(src.start, src.end) : '1';
      if (!/[.eE]/.test(written)) return; // 1, 0x1, 0o1 are the integer 1; 1.0 is not
    }
    const keySpan = rangeSpan(pair.key, ctx.text) ?? documentStart(model);
    let message: string;
    if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
      message = ctx.t(
        `${key} has no value: write ${v1}.`,
        `${key}没有值：请写成${v1}。`,
      );
    } else if (isScalar(v) && typeof v.value === 'string' && v.value.trim() === '1') {
      message = ctx.t(
        `${key} must be the number 1, not the text "1": remove the quotes.`,
        `${key}必须是数字 1，而不是文本“1”：请去掉引号。`,
      );
    } else if (isScalar(v) && (typeof v.value === 'number' || typeof v.value === 'string')) {
      const shown = scalarText(v) ?? '';
      message = ctx.t(
        `Unsupported format version ${ctx.q(shown)}: this BizFlow reads version 1. Write ${v1}.`,
        `不支持的格式版本${ctx.q(shown)}：当前 BizFlow 只支持版本 1。请写成${v1}。`,
      );
    } else {
      const what = isMap(v) ? ctx.t('a map', '映射') : ctx.t('a list or other value', '列表或其他值');
      message = ctx.t(
        `${key} must be the number 1, but it is ${what}. Write ${v1}.`,
        `${key}必须是数字 1，但这里是${what}。请写成${v1}。`,
      );
    }
    ctx.report({ span: keySpan, message, data: { expected: 1 } });
  },
});
