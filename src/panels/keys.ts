/**
 * Transport keys: Space plays or pauses, ←/→ step, Home/End jump. Keys go
 * to whatever has the focus when it handles them itself: text fields,
 * selects, the scrubber (arrows, Home/End) and buttons (Space).
 */
import { useEffect } from 'react';
import { mark, MARK } from '../perf/marks';
import { usePlayer } from '../store/store';

const ACTIONS: Record<string, (s: ReturnType<typeof usePlayer.getState>) => void> = {
  ' ': (s) => s.toggle(),
  ArrowRight: (s) => s.next(),
  ArrowLeft: (s) => s.prev(),
  Home: (s) => s.restart(),
  End: (s) => s.end(),
};

export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return key !== ' ';
    return type !== 'checkbox' && type !== 'radio' && type !== 'button';
  }
  if (tag === 'BUTTON' || target.getAttribute('role') === 'button') return key === ' ';
  return false;
}

export function useTransportKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const action = ACTIONS[e.key];
      // composedPath: a key typed inside a shadow root (the YAML editor) is retargeted to its host at window level.
      if (!action || ownsKey(e.composedPath()[0] ?? e.target, e.key)) return;
      e.preventDefault();
      mark(MARK.key);
      action(usePlayer.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
