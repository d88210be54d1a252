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
  meta: {
    severity: 'error',
    shownOn: '`bizflow` key or document start',
    docs: {
      description: {
      en: 'The file must start with `bizflow: 1`, the format version.',
      zh: '文件必须以格式版本 `bizflow: 1` 开头。',
      },
    },
    fixable: true,
    messages: {
      empty: {
        en: 'The file is empty. A BizFlow file starts with "bizflow: 1", followed by "process", "roles" and "steps".',
        zh: '文件为空。BizFlow 文件以“bizflow: 1”开头，随后是“process”、“roles”和“steps”。',
      },
      notAMap: {
        en: 'This is not a BizFlow file: it must be a map of top-level keys starting with "bizflow: 1".',
        zh: '这不是 BizFlow 文件：文件必须是以“bizflow: 1”开头的顶层键映射。',
      },
      missing: {
        en: 'The format version is missing: add "bizflow: 1" as the first line of the file.',
        zh: '缺少格式版本：请在文件第一行添加“bizflow: 1”。',
      },
      noValue: {
        en: '"bizflow" has no value: write "bizflow: 1".',
        zh: '“bizflow”没有值：请写成“bizflow: 1”。',
      },
      quoted: {
        en: '"bizflow" must be the number 1, not the text "1": remove the quotes.',
        zh: '“bizflow”必须是数字 1，而不是文本“1”：请去掉引号。',
      },
      unsupported: {
        en: 'Unsupported format version "{{version}}": this BizFlow reads version 1. Write "bizflow: 1".',
        zh: '不支持的格式版本“{{version}}”：当前 BizFlow 只支持版本 1。请写成“bizflow: 1”。',
      },
      aMap: { en: 'a map', zh: '映射' },
      aList: { en: 'a list or other value', zh: '列表或其他值' },
      wrongType: {
        en: '"bizflow" must be the number 1, but it is {{what}}. Write "bizflow: 1".',
        zh: '“bizflow”必须是数字 1，但这里是{{what}}。请写成“bizflow: 1”。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const doc = model.parsed.doc;
    if (!doc) return; // the parser gave up: yaml/syntax says why
    const root = model.root;
    if (!root) {
      const contents = deref(model.parsed, doc.contents);
      const empty = contents === null || contents === undefined || (isScalar(contents) && contents.value === null);
      ctx.report({
        span: documentStart(model),
        messageId: empty ? 'empty' : 'notAMap',
        diagnosticData: { expected: 1 },
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
        messageId: 'missing',
        diagnosticData: { expected: 1 },
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
    const diagnosticData = { expected: 1 } as const;
    if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
      ctx.report({ span: keySpan, messageId: 'noValue', diagnosticData });
    } else if (isScalar(v) && typeof v.value === 'string' && v.value.trim() === '1') {
      ctx.report({ span: keySpan, messageId: 'quoted', diagnosticData });
    } else if (isScalar(v) && (typeof v.value === 'number' || typeof v.value === 'string')) {
      ctx.report({ span: keySpan, messageId: 'unsupported', data: { version: scalarText(v) ?? '' }, diagnosticData });
    } else {
      const what = ctx.format({ messageId: isMap(v) ? 'aMap' : 'aList' });
      ctx.report({ span: keySpan, messageId: 'wrongType', data: { what }, diagnosticData });
    }
  },
});
