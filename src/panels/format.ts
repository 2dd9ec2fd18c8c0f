/** Virtual time as a learner reads it: seconds with milliseconds, `3.106 s`. */
export function formatVirtualTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
