/**
 * The pod-template-hash: FNV-32a over the Pod template (and the collision
 * count), written with the safe alphabet kube-controller-manager uses.
 * Models pkg/controller/controller_utils.go ComputeHash. The real hasher
 * prints the Go struct (DeepHashObject); podflow hashes canonical JSON, so the
 * form matches (`6f6b679f8f`) but not the exact value for the same template.
 */
import { SAFE_ALPHABET } from '../apiserver/names';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function computeHash(template: unknown, collisionCount = 0): string {
  // Every sync of a Deployment hashes its template; stored objects are never changed in place, so a
  // template seen before (status writes keep the same spec object) has the same hash.
  const memo = template && typeof template === 'object' ? HASHES.get(template) : undefined;
  const known = memo?.get(collisionCount);
  if (known !== undefined) return known;
  const hash = fnvHash(template, collisionCount);
  if (template && typeof template === 'object') {
    if (memo) memo.set(collisionCount, hash);
    else HASHES.set(template, new Map([[collisionCount, hash]]));
  }
  return hash;
}
const HASHES = new WeakMap<object, Map<number, string>>();

function fnvHash(template: unknown, collisionCount: number): string {
  let h = 0x811c9dc5;
  const text = canonical(template) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // rand.SafeEncodeString(fmt.Sprint(hash)): each decimal digit mapped onto the alphabet.
  return [...String(h >>> 0)].map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}
