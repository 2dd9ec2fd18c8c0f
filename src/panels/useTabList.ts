/**
 * The WAI-ARIA tabs pattern's keyboard: ← and → move to the previous or next
 * tab (wrapping), select it and focus it. The arrows stay in the tab list,
 * so they do not also move the cursor.
 */
import { useRef, type KeyboardEvent } from 'react';

export function useTabList<T extends string>(tabs: readonly T[], current: T, select: (tab: T) => void) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    e.stopPropagation();
    const to = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
    select(to);
    refs.current[to]?.focus();
  };
  return { refs, onKeyDown };
}
