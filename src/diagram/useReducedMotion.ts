/** The learner's reduced-motion setting, followed live (the OS setting can change while the page is open). */
import { useSyncExternalStore } from 'react';

let query: MediaQueryList | undefined;
/** One MediaQueryList for the page: matchMedia parses its query on every call, and this is read at every step. */
const reducedMotion = (): MediaQueryList => (query ??= matchMedia('(prefers-reduced-motion: reduce)'));

function subscribe(onChange: () => void): () => void {
  reducedMotion().addEventListener('change', onChange);
  return () => reducedMotion().removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => reducedMotion().matches,
    () => false,
  );
}
