/**
 * The WAI-ARIA tabs pattern: each tab's attributes (`tabProps`), and the
 * keyboard: ← and → move to the previous or next tab (wrapping), select it and
 * focus it. The arrows stay in the tab list, so they do not also move the cursor.
 * Tabs are `${prefix}tab-${id}`, their panels `${prefix}tabpanel-${id}`.
 */
import { useRef, type KeyboardEvent } from 'react';

export function useTabList<T extends string>(tabs: readonly T[], current: T, select: (tab: T) => void, prefix = '') {
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
  /** Only the selected tab is in the page's tab order; the arrows reach the others. */
  const tabProps = (id: T) => ({
    ref: (el: HTMLButtonElement | null) => {
      refs.current[id] = el;
    },
    type: 'button' as const,
    role: 'tab',
    id: `${prefix}tab-${id}`,
    'aria-selected': current === id,
    'aria-controls': `${prefix}tabpanel-${id}`,
    tabIndex: current === id ? 0 : -1,
    'data-testid': `${prefix}tab-${id}`,
    onClick: () => select(id),
  });
  return { onKeyDown, tabProps };
}
