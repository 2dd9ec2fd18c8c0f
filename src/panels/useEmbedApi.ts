/**
 * The embed's postMessage API. A parent page drives the embed with
 * `{ podflow: 'goto', step: 5 }`, `next`, `prev`, `play`, `pause`, and hears
 * `{ podflow: 'ready' | 'step', step, total, title, scenario }` on every step
 * change. Messages from anyone but the parent, from an origin outside the
 * embed's `origin=` list, or not of this shape are ignored.
 */
import { useEffect } from 'react';
import { narrationOf } from '../i18n/narrate';
import { translator } from '../i18n';
import { EMBED } from '../store/embed';
import { currentStep, firstRun, usePlayer, type PlayerState } from '../store/store';

type Command = { podflow: 'goto'; step: number } | { podflow: 'next' | 'prev' | 'play' | 'pause' };

export function parseCommand(data: unknown): Command | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { podflow, step } = data as Record<string, unknown>;
  if (podflow === 'next' || podflow === 'prev' || podflow === 'play' || podflow === 'pause') return { podflow };
  if (podflow === 'goto' && Number.isSafeInteger(step) && (step as number) >= 0) {
    return { podflow, step: step as number };
  }
  return null;
}

export function allowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.includes(origin);
}

function stepEvent(s: PlayerState, type: 'ready' | 'step') {
  const step = currentStep(s);
  return {
    podflow: type,
    step: s.cursor,
    total: s.visible.length,
    scenario: s.shownScenario,
    title: step ? narrationOf(translator(s.language), step).title : '',
  };
}

/** Where events go: the parent's origin when the embed names its parents and the referrer is one of them. */
function targetOrigin(allowed: readonly string[]): string | null {
  if (allowed.length === 0) return '*';
  const referrer = document.referrer ? new URL(document.referrer).origin : 'null';
  return allowed.includes(referrer) ? referrer : null;
}

export function useEmbedApi(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const allowed = EMBED.options.origins;
    const target = targetOrigin(allowed);
    const post = (type: 'ready' | 'step'): void => {
      if (target !== null) window.parent.postMessage(stepEvent(usePlayer.getState(), type), target);
    };
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== window.parent || !allowedOrigin(e.origin, allowed)) return;
      const command = parseCommand(e.data);
      if (!command) return;
      const s = usePlayer.getState();
      if (command.podflow === 'goto') s.seek(command.step);
      else s[command.podflow]();
    };
    let stop = false;
    let unsubscribe = (): void => undefined;
    // Ready means the run is there: a parent's first goto then lands on its step.
    void firstRun().then(() => {
      if (stop) return;
      window.addEventListener('message', onMessage);
      let last = usePlayer.getState().cursor;
      unsubscribe = usePlayer.subscribe((s) => {
        if (s.cursor === last) return;
        last = s.cursor;
        post('step');
      });
      post('ready');
    });
    return () => {
      stop = true;
      window.removeEventListener('message', onMessage);
      unsubscribe();
    };
  }, []);
}
