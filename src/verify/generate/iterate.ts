/** Takes one item from each source in turn until all are spent; lazy, so a long source costs only what is taken. */
export function* roundRobin<T>(sources: readonly Iterable<T>[]): Generator<T> {
  let active = sources.map((s) => s[Symbol.iterator]());
  while (active.length) {
    const next: Iterator<T>[] = [];
    for (const it of active) {
      const r = it.next();
      if (r.done) continue;
      yield r.value;
      next.push(it);
    }
    active = next;
  }
}

export function* mapLazy<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

export function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

export function* chain<T>(...sources: readonly Iterable<T>[]): Generator<T> {
  for (const s of sources) yield* s;
}
