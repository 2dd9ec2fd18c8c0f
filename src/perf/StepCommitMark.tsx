import { useLayoutEffect } from 'react';
import { usePlayer } from '../store/store';
import { mark, MARK } from './marks';

/** Marks the commit of every cursor change: React runs layout effects after the DOM is updated. */
export function StepCommitMark() {
  const cursor = usePlayer((s) => s.cursor);
  useLayoutEffect(() => mark(MARK.stepCommitted, cursor), [cursor]);
  return null;
}
