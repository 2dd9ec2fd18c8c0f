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
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  /** The time of the next delivery, if any. */
  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
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
