import { beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { DEFAULT_MANIFESTS } from '../store/default-scenario';
import { usePlayer } from '../store/store';
import { actorOf, nextStep, usePredict } from './predict';

describe('predict mode', () => {
  beforeEach(() => {
    usePlayer.getState().load(simulate({ manifests: DEFAULT_MANIFESTS }));
    if (usePredict.getState().on) usePredict.getState().toggle();
  });

  it('names per-node components by their kind', () => {
    expect(actorOf('kubelet/node-2')).toBe('kubelet');
    expect(actorOf('kube-apiserver')).toBe('kube-apiserver');
  });

  it('switches to the overview, reveals one step per guess and keeps the score', () => {
    usePredict.getState().toggle();
    expect(usePlayer.getState().level).toBe('overview');
    const first = nextStep()!;
    usePredict.getState().guess(actorOf(first.from));
    const second = nextStep()!;
    usePredict.getState().guess(actorOf(second.from) === 'etcd' ? 'kubelet' : 'etcd');
    expect(usePlayer.getState().cursor).toBe(2);
    const guesses = usePredict.getState().guesses;
    expect(guesses.map((g) => g.guess === g.actual)).toEqual([true, false]);
    expect(guesses.map((g) => g.seq)).toEqual([first.seq, second.seq]);
  });

  it('starts the score afresh with a new run, and does nothing past the end', () => {
    usePredict.getState().toggle();
    usePredict.getState().guess('kubectl');
    usePlayer.getState().load(simulate({ manifests: DEFAULT_MANIFESTS, seed: 2 }));
    expect(usePredict.getState().guesses).toEqual([]);
    usePlayer.getState().end();
    usePredict.getState().guess('etcd');
    expect(usePredict.getState().guesses).toEqual([]);
  });
});
