/**
 * Names kube-apiserver makes up: generateName suffixes, uids, timestamps.
 * All drawn from the run's PRNG so a run can be repeated.
 */
import type { Sim } from '../core/sim';

/** Models k8s.io/apimachinery/pkg/util/rand: consonants and digits that spell no words. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function generateNameSuffix(sim: Sim<unknown>, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[sim.int(0, SAFE_ALPHABET.length - 1)];
  return out;
}

export function uuid(sim: Sim<unknown>): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += hex8(Math.floor(sim.random() * 2 ** 32) >>> 0);
  // Version 4 (nibble 12) and the RFC 4122 variant (nibble 16), cut in at their places.
  const variant = '89ab'[sim.int(0, 3)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A uint32 as 8 lowercase hex digits (toString(16) of a number above 2^30 takes the slow double path). */
function hex8(n: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX_DIGITS[(n >>> shift) & 15];
  return out;
}
const HEX_DIGITS = '0123456789abcdef';

/** The virtual clock starts at this instant, so timestamps read like real ones. */
export const EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 at whole seconds, as metav1.Time serializes: the run's virtual time after a fixed epoch, no clock read. */
export function isoTime(at: number): string {
  const second = Math.floor(at / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(EPOCH + second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
