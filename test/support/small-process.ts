/**
 * The small process the preview's "After the requirements" tests
 * (test/unit/preview-changes.test.ts) and the review pack's tests
 * (test/unit/review/pack.test.ts) share: a → b → c → d, where sales asks
 * (R1, must) to remove the warehouse's check b; boss owns the process; finance
 * has the bill c. `extra` is appended after R1 (more requirements, 2 spaces in).
 */
export function smallProcess(o: { billAttributes?: string; acceptance?: string; extra?: string } = {}): string {
  const bill = o.billAttributes ? `attributes: ${o.billAttributes}, ` : '';
  const acceptance = o.acceptance ? `    acceptance: [${o.acceptance}]\n` : '';
  return `bizflow: 1
process: { name: Small, owner: boss }
roles:
  sales: { name: Sales }
  warehouse: { name: Warehouse }
  finance: { name: Finance }
  boss: { name: Boss }
steps:
  a: { name: Start, type: start, role: sales, next: b }
  b: { name: Check, role: warehouse, next: c }
  c: { name: Bill, role: finance, ${bill}next: d }
  d: { name: End, type: end }
requirements:
  R1:
    title: No more checking
    from: sales
    priority: must
    removes: [b]
${acceptance}${o.extra ?? ''}`;
}
