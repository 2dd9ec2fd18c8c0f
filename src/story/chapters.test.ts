import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { SCENARIOS, simulationInput } from '../scenarios';
import { visibleSteps } from '../store/visible';
import { chapterAt, chapterOf, chapterStarts, CHAPTERS } from './chapters';

const overview = (id: string) =>
  visibleSteps(simulate(simulationInput(SCENARIOS.find((s) => s.id === id)!)).steps, 'overview');

describe("the story's chapters", () => {
  it('begin in the order of the-story.md for a bare Pod', () => {
    const starts = chapterStarts(overview('bare-pod')).map((s) => CHAPTERS.indexOf(s.chapter));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
  });

  it('reach endpoints, kube-proxy and DNS, and the way back, with a Service and a deletion', () => {
    const chapters = chapterStarts(overview('deployment-service')).map((s) => s.chapter);
    expect(chapters).toEqual(expect.arrayContaining(['endpoints', 'proxy-dns', 'afterwards']));
  });

  it.each(SCENARIOS.filter((s) => s.id !== 'scale').map((s) => s.id))(
    'place every overview step of %s in a chapter, but the end of the run',
    (id) => {
      const unplaced = overview(id)
        .filter((s) => s.say.key !== 'cluster-steady' && chapterOf(s) === null)
        .map((s) => s.say.key);
      expect(unplaced).toEqual([]);
    },
  );

  it('say which chapter the cursor is in: the last one begun', () => {
    const starts = [
      { chapter: 'listening' as const, cursor: 1 },
      { chapter: 'kubectl' as const, cursor: 2 },
      { chapter: 'checks' as const, cursor: 5 },
    ];
    expect(chapterAt(starts, 0)).toBeNull();
    expect(chapterAt(starts, 4)?.chapter).toBe('kubectl');
    expect(chapterAt(starts, 9)?.chapter).toBe('checks');
  });
});
