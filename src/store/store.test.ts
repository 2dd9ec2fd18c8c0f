import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../engine';
import { DEFAULT_MANIFESTS } from './default-scenario';
import { translator } from '../i18n';
import { narrationOf } from '../i18n/narrate';
import { currentSeq, currentStep, STEP_MS, usePlayer } from './store';
import { cursorForSeq, isVisible, visibleSteps } from './visible';

const trace = simulate({ manifests: DEFAULT_MANIFESTS, seed: 1 });

describe('detail levels', () => {
  it('nest: every overview step is a standard step, every standard step a deep step (summaries aside)', () => {
    const ov = visibleSteps(trace.steps, 'overview').filter((s) => !s.summary);
    const st = visibleSteps(trace.steps, 'standard');
    const dp = visibleSteps(trace.steps, 'deep');
    for (const s of ov) expect(st).toContain(s);
    for (const s of st) expect(dp).toContain(s);
    expect(dp.length).toBeGreaterThan(st.length);
    expect(st.length).toBeGreaterThan(ov.length);
  });

  it('show summaries at the overview level only', () => {
    const summary = trace.steps.find((s) => s.summary)!;
    expect(isVisible(summary, 'overview')).toBe(true);
    expect(isVisible(summary, 'standard')).toBe(false);
    expect(isVisible(summary, 'deep')).toBe(false);
  });

  it('keep the place when switching: the cursor lands on the last step at or before it', () => {
    const visible = visibleSteps(trace.steps, 'overview');
    expect(cursorForSeq(visible, -1)).toBe(0);
    expect(cursorForSeq(visible, visible[3]!.seq)).toBe(4);
    expect(cursorForSeq(visible, visible[3]!.seq + 1)).toBe(4);
    expect(cursorForSeq(visible, 1e9)).toBe(visible.length);
  });
});

describe('the player store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    usePlayer.getState().load(trace);
    usePlayer.setState({ level: 'overview', visible: visibleSteps(trace.steps, 'overview'), speed: 1 });
  });
  afterEach(() => {
    usePlayer.getState().pause();
    vi.useRealTimers();
  });

  it('steps forward and back, and stays within the trace', () => {
    const s = usePlayer.getState;
    s().prev();
    expect(s().cursor).toBe(0);
    s().next();
    s().next();
    expect(s().cursor).toBe(2);
    expect(s().direction).toBe(1);
    s().prev();
    expect(s().cursor).toBe(1);
    expect(s().direction).toBe(0);
    s().end();
    expect(s().cursor).toBe(s().visible.length);
    s().next();
    expect(s().cursor).toBe(s().visible.length);
    s().restart();
    expect(s().cursor).toBe(0);
    expect(currentStep(s())).toBeNull();
    expect(currentSeq(s())).toBe(-1);
  });

  it('plays with one clock: a step per STEP_MS / speed, stopping at the end', () => {
    const s = usePlayer.getState;
    s().play();
    expect(s().cursor).toBe(1);
    vi.advanceTimersByTime(STEP_MS);
    expect(s().cursor).toBe(2);
    s().setSpeed(4);
    vi.advanceTimersByTime(STEP_MS / 4);
    expect(s().cursor).toBe(3);
    vi.advanceTimersByTime(STEP_MS * 100);
    expect(s().cursor).toBe(s().visible.length);
    expect(s().playing).toBe(false);
  });

  it('loops when asked: after the last step comes the start, and play goes on', () => {
    const s = usePlayer.getState;
    s().setLoop(true);
    s().seek(s().visible.length - 1);
    s().play();
    vi.advanceTimersByTime(STEP_MS);
    expect(s().cursor).toBe(s().visible.length);
    vi.advanceTimersByTime(STEP_MS);
    expect(s().cursor).toBe(0);
    vi.advanceTimersByTime(STEP_MS);
    expect(s().cursor).toBe(1);
    expect(s().playing).toBe(true);
    s().setLoop(false);
  });

  it('pauses and starts over when played at the end', () => {
    const s = usePlayer.getState;
    s().play();
    s().pause();
    const at = s().cursor;
    vi.advanceTimersByTime(STEP_MS * 5);
    expect(s().cursor).toBe(at);
    s().end();
    s().play();
    expect(s().cursor).toBe(1);
  });

  it('keeps the learner at the same moment when the detail level changes', () => {
    const s = usePlayer.getState;
    s().seek(8);
    const seq = currentSeq(s());
    s().setLevel('deep');
    expect(currentSeq(s())).toBe(seq);
    s().setLevel('standard');
    expect(currentSeq(s())).toBeLessThanOrEqual(seq);
    expect(currentSeq(s())).toBeGreaterThan(-1);
  });

  it('clamps seeks to the trace', () => {
    const s = usePlayer.getState;
    s().seek(-5);
    expect(s().cursor).toBe(0);
    s().seek(1e6);
    expect(s().cursor).toBe(s().visible.length);
  });

  it('switches language once the catalog is loaded, and the last choice wins', async () => {
    const s = usePlayer.getState;
    s().setLanguage('en');
    s().setLanguage('zh');
    s().setLanguage('en');
    s().setLanguage('zh');
    await vi.waitFor(() => expect(s().language).toBe('zh'));
    expect(s().stepTexts).toBe(true);
    expect(translator('zh')('transport.play')).not.toBe(translator('en')('transport.play'));
    expect(narrationOf(translator('zh'), s().trace.steps[0]!).title).toMatch(/[\u4e00-\u9fff]/);
    s().setLanguage('en');
    expect(s().language).toBe('en');
  });
});
