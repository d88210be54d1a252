/** Small helpers over collections, shared by the core's one-pass groupings. */

/** Appends `value` to the list of `key` in `map` (a new list for a new key); an undefined key is skipped. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K | undefined, value: V): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
