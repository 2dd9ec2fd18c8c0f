/**
 * ResourceList arithmetic as quota and LimitRanger do it
 * (staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go): Add, Mask,
 * LessThanOrEqual, and the canonical text of a resource.Quantity, so a sum
 * of `100m` and `100m` reads `200m` and of `128Mi` and `128Mi` reads `256Mi`.
 * Values are counted in thousandths so sums of millicores stay exact.
 */
import { parseQuantity } from '../../quantity';

export type ResourceList = Record<string, string>;

/** A quantity in thousandths of a unit (1 CPU = 1000, 1Ki = 1024000). */
export function milli(q: string | number | undefined): number {
  return Math.round(parseQuantity(q) * 1000);
}

const DECIMAL = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Quantity.String(): binary quantities keep the largest power-of-1024 suffix
 * that divides them exactly; decimal ones the largest power of 1000; values
 * below one unit are written in millis (`500m`).
 */
export function formatMilli(m: number, binary: boolean): string {
  if (m === 0) return '0';
  if (m % 1000 !== 0) return `${m}m`;
  const v = m / 1000;
  if (binary && v % 1024 === 0) {
    let i = 0;
    let x = v;
    while (x % 1024 === 0 && i < BINARY.length - 1) {
      x /= 1024;
      i++;
    }
    return `${x}${BINARY[i]}`;
  }
  let i = 0;
  let x = v;
  while (x % 1000 === 0 && i < DECIMAL.length - 1) {
    x /= 1000;
    i++;
  }
  return `${x}${DECIMAL[i]}`;
}

const isBinary = (q: string | undefined): boolean => !!q && q.endsWith('i');

/** Add: every name in either list; a sum keeps the binary format if either side had it. */
export function add(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [name, q] of Object.entries(b)) {
    const prev = out[name];
    out[name] = prev === undefined ? q : formatMilli(milli(prev) + milli(q), isBinary(prev) || isBinary(q));
  }
  return out;
}

/** The larger of two quantities, as the text it came as. */
export function maxOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return milli(b) > milli(a) ? b : a;
}

/** Mask: only the names listed. */
export function mask(list: ResourceList, names: readonly string[]): ResourceList {
  const out: ResourceList = {};
  for (const n of names) if (list[n] !== undefined) out[n] = list[n]!;
  return out;
}

/** LessThanOrEqual: is every name of `a` within `b`, and which are not. */
export function lessThanOrEqual(a: ResourceList, b: ResourceList): { allowed: boolean; exceeded: string[] } {
  const exceeded = Object.keys(a).filter((n) => b[n] !== undefined && milli(a[n]) > milli(b[n]));
  return { allowed: exceeded.length === 0, exceeded };
}

/** prettyPrint of the quota admission: `pods=1,requests.cpu=500m`, sorted by name. */
export function prettyPrint(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatMilli(milli(list[k]), isBinary(list[k]))}`)
    .join(',');
}
