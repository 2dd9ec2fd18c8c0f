/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
 * `500m` CPU is 0.5 of a core, `128Mi` is 128 × 2^20 bytes, `1G` is 10^9.
 */
const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity, or NaN when it is not one. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return NaN;
  const factor = SUFFIX[m[2]!];
  return factor === undefined ? NaN : Number(m[1]) * factor;
}

/** CPU in millicores, as the scheduler counts it. */
export function milliCpu(q: string | number | undefined): number {
  return Math.round(parseQuantity(q) * 1000);
}
