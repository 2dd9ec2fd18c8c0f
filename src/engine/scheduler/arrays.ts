/**
 * Per-node number arrays of the scheduling cycle (raw and normalized scores,
 * totals) are made at their final length and filled by index: growing them
 * with push() copies them several times on the way to a hundred nodes.
 */
export function sizedNumbers(length: number): number[] {
  // oxlint-disable-next-line unicorn/no-new-array -- a length, on purpose: one allocation at the final size
  return new Array<number>(length);
}
