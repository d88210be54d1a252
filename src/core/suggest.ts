/** Nearest-name suggestions for typos (Damerau-Levenshtein with a length-aware cut-off). */

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2: number[] = new Array(lb + 1).fill(0);
  let prev: number[] = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur: number[] = new Array(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible
 * typo: case-insensitive equality first, then edit distance ≤ max(1, ⌊len/3⌋).
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const d = editDistance(lower, cl, bestD);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

/** Comparisons of `nearest()` a `suggester` allows (unknown ids × defined ids). */
const SUGGESTION_BUDGET = 200_000;

/**
 * `nearest()` among the keys of `ids`, memoised per name, for the reference
 * rules: past a budget of comparisons per analysis, a file full of unknown
 * ids still gets every diagnostic, only without "did you mean".
 */
export function suggester(ids: ReadonlyMap<string, unknown>): (name: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  let budget = SUGGESTION_BUDGET;
  return (name) => {
    if (memo.has(name)) return memo.get(name);
    let s: string | undefined;
    if (budget >= ids.size) {
      budget -= ids.size;
      s = nearest(name, ids.keys());
    }
    memo.set(name, s);
    return s;
  };
}
