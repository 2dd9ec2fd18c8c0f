/**
 * The agenda: deliveries waiting for their virtual time, a binary min-heap
 * ordered by (at, seq). The sequence number breaks ties, so two events at the
 * same instant always run in the order they were scheduled.
 */
export interface Scheduled<T> {
  at: number;
  seq: number;
  item: T;
}

export class Agenda<T> {
  private heap: Scheduled<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): void {
    const entry = { at, seq: this.counter++, item };
    const h = this.heap;
    // Sift the hole up, then put the entry in it: no swaps (every message passes here).
    let i = h.length;
    h.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(entry, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = entry;
  }

  /** The time of the next delivery, if any. */
  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    const n = h.length;
    if (n > 0 && last) {
      // Sift the hole down from the root, then put the last entry in it.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[m]!, last)) break;
        h[i] = h[m]!;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }

  /** Every pending item, in no particular order. */
  items(): readonly Scheduled<T>[] {
    return this.heap;
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
