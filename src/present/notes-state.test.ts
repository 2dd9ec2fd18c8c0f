import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import { visibleSteps } from '../store/visible';
import { notesStateOf, parseNotesCommand, parseNotesState } from './notes-state';
import { PRESENTER_KEYS } from './presenter';

const run = simulateScenario('bare-pod');
const visible = visibleSteps(run.trace.steps, 'overview');
const titles = run.steps('overview').map((s) => s.title);
const place = (cursor: number) =>
  ({ cursor, visible, language: 'en', shownScenario: 'bare-pod', custom: false }) as const;

describe('the speaker notes', () => {
  it.each([
    { cursor: 0, title: 'A bare Pod', next: titles[0] },
    { cursor: 3, title: titles[2], next: titles[3] },
    { cursor: visible.length, title: titles.at(-1), next: null },
  ])('at step $cursor: this step in full, the next title, the counter and the clock', ({ cursor, title, next }) => {
    const s = notesStateOf(place(cursor), false, true);
    expect(s.title).toBe(title);
    expect(s.body.length).toBeGreaterThan(0);
    expect(s.nextTitle).toBe(next);
    expect([s.cursor, s.total]).toEqual([cursor, visible.length]);
    expect(s.at).toBe(cursor === 0 ? null : visible[cursor - 1]!.at);
  });

  it('survives the channel: what is sent is what is read', () => {
    const s = notesStateOf(place(2), true, true, 'dark');
    expect(parseNotesState(structuredClone(s))).toEqual(s);
  });

  it.each([null, 'next', { type: 'goto' }, { type: 'state' }, { type: 'state', cursor: '1', total: 2 }, []])(
    'ignores %j',
    (data) => {
      expect(parseNotesCommand(data)).toBeNull();
      expect(parseNotesState(data)).toBeNull();
    },
  );

  it.each(['hello', 'next', 'prev', 'blank'] as const)('acts on %s', (type) => {
    expect(parseNotesCommand({ type, extra: 1 })).toEqual({ type });
  });

  it('maps the remote keys as slide software does', () => {
    expect(PRESENTER_KEYS).toMatchObject({
      PageDown: 'next',
      PageUp: 'prev',
      b: 'blank',
      '.': 'blank',
      Escape: 'stop',
    });
  });
});
