/**
 * Ages and times as kubectl prints them. Models
 * k8s.io/apimachinery/pkg/util/duration HumanDuration and Go's time.RFC1123Z.
 */

import { humanDuration } from '../engine/kubectl/print-pod';

/** `duration.HumanDuration`: 45s, 2m5s, 12m, 3h4m, 2d3h … (one implementation, the engine's printer's). */
export { humanDuration };

/** `translateTimestampSince`: the age of an RFC 3339 time at `now`, or <unknown> when unset. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC: `Thu, 15 Jan 2026 09:00:03 +0000`. */
export function rfc1123z(timestamp: string): string {
  const d = new Date(timestamp);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
