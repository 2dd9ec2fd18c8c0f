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

/**
 * The heap is kept as three parallel arrays (times, sequence numbers, items)
 * rather than an array of entries: every message passes through it, the
 * comparisons read unboxed numbers that sit side by side, and no entry
 * object is made per push to live on (and be copied by the scavenger) until
 * its time. The sifts are the same as with entries, comparison for
 * comparison, so the order out is the same for every input.
 */
export class Agenda<T> {
  private ats: number[] = [];
  private seqs: number[] = [];
  private its: T[] = [];
  private counter = 0;

  get size(): number {
    return this.its.length;
  }

  push(at: number, item: T): void {
    const seq = this.counter++;
    const { ats, seqs, its } = this;
    // Sift the hole up, then put the entry in it: no swaps.
    let i = its.length;
    ats.push(at);
    seqs.push(seq);
    its.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = ats[parent]!;
      if (!(at < pAt || (at === pAt && seq < seqs[parent]!))) break;
      ats[i] = pAt;
      seqs[i] = seqs[parent]!;
      its[i] = its[parent]!;
      i = parent;
    }
    ats[i] = at;
    seqs[i] = seq;
    its[i] = item;
  }

  /** The time of the next delivery, if any. */
  peekAt(): number | undefined {
    return this.its.length ? this.ats[0] : undefined;
  }

  pop(): Scheduled<T> | undefined {
    const { ats, seqs, its } = this;
    if (!its.length) return undefined;
    const top: Scheduled<T> = { at: ats[0]!, seq: seqs[0]!, item: its[0]! };
    this.take();
    return top;
  }

  /**
   * Remove the next delivery and return it (its time is `peekAt()`'s): what the
   * simulation loop uses, so no entry object is made for each of its deliveries.
   */
  take(): T | undefined {
    const { ats, seqs, its } = this;
    if (!its.length) return undefined;
    const first = its[0]!;
    const lastAt = ats.pop()!;
    const lastSeq = seqs.pop()!;
    const last = its.pop()!;
    const n = its.length;
    if (n > 0) {
      // Sift the hole down from the root, then put the last entry in it.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(ats[r]!, seqs[r]!, ats[l]!, seqs[l]!) ? r : l;
        if (!before(ats[m]!, seqs[m]!, lastAt, lastSeq)) break;
        ats[i] = ats[m]!;
        seqs[i] = seqs[m]!;
        its[i] = its[m]!;
        i = m;
      }
      ats[i] = lastAt;
      seqs[i] = lastSeq;
      its[i] = last;
    }
    return first;
  }

  /** Every pending item, in no particular order. */
  items(): readonly Scheduled<T>[] {
    return this.its.map((item, i) => ({ at: this.ats[i]!, seq: this.seqs[i]!, item }));
  }
}

function before(aAt: number, aSeq: number, bAt: number, bSeq: number): boolean {
  return aAt < bAt || (aAt === bAt && aSeq < bSeq);
}
