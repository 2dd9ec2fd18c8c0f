import { describe, expect, it } from 'vitest';
import type { Sim } from '../core/sim';
import { handleKubelet, initKubelet, type KubeletState } from './kubelet';
import { newWorker } from './worker';

/**
 * The status manager's PATCHes in flight are found by request id (statusRequests),
 * not by walking the node's workers: an answer must reach the worker that sent it,
 * and only that worker.
 */
describe('the kubelet matches a status PATCH answer to its pod worker', () => {
  const KEY = '/registry/pods/default/web-1';
  const OTHER = '/registry/pods/default/web-2';

  function kubelet(): { st: KubeletState; answer: (id: number) => void } {
    const st = initKubelet('node-1', '10.0.0.11');
    const sim = { world: { kubelets: { 'node-1': st } }, now: 0 } as unknown as Sim<{
      kubelets: Record<string, KubeletState>;
    }>;
    const answer = (id: number) => handleKubelet(sim, 'kubelet/node-1', { type: 'http-response', id, status: 200 });
    return { st, answer };
  }

  it('clears the in-flight PATCH of the worker that sent it, and forgets the request', () => {
    const { st, answer } = kubelet();
    const w = (st.workers[KEY] = newWorker(0));
    const other = (st.workers[OTHER] = newWorker(0));
    w.statusInFlight = 7;
    other.statusInFlight = 8;
    st.statusRequests.set(7, KEY);
    st.statusRequests.set(8, OTHER);
    answer(7);
    expect(w.statusInFlight).toBeUndefined();
    expect(other.statusInFlight).toBe(8);
    expect([...st.statusRequests.keys()]).toEqual([8]);
  });

  it('leaves a new worker for the same Pod key alone when the old worker’s answer comes late', () => {
    const { st, answer } = kubelet();
    st.statusRequests.set(7, KEY);
    // The Pod went and came again (SyncLoop REMOVE, then ADD): a new worker with its own PATCH in flight.
    const fresh = (st.workers[KEY] = newWorker(0));
    fresh.statusInFlight = 9;
    st.statusRequests.set(9, KEY);
    answer(7);
    expect(fresh.statusInFlight).toBe(9);
    answer(9);
    expect(fresh.statusInFlight).toBeUndefined();
    expect(st.statusRequests.size).toBe(0);
  });

  it('ignores answers that are not status PATCHes (Events, Lease renewals)', () => {
    const { st, answer } = kubelet();
    const w = (st.workers[KEY] = newWorker(0));
    w.statusInFlight = 7;
    st.statusRequests.set(7, KEY);
    answer(3);
    expect(w.statusInFlight).toBe(7);
    expect(st.statusRequests.size).toBe(1);
  });
});
