import { describe, expect, it } from 'vitest';
import type { Sim } from '../core/sim';
import type { ApiObject } from '../types';
import { webhookAnswered, type RoundEnd } from './webhook-dispatch';

/** An apiserver with one validating round on the wire, its POST sent at t=0; the answer arrives at `now`. */
function waiting(now: number, failurePolicy: 'Fail' | 'Ignore', timeoutSeconds?: number) {
  const notes: string[] = [];
  const webhook = {
    name: 'validate.example.com',
    clientConfig: { service: { namespace: 'policy', name: 'svc', path: '/validate' } },
    failurePolicy,
    ...(timeoutSeconds ? { timeoutSeconds } : {}),
  };
  const sim = {
    now,
    world: {
      apiserver: {
        webhookCalls: { 7: 1 },
        inflight: {
          1: {
            req: { verb: 'create', resource: 'pods', namespace: 'default', user: { name: 'u' } },
            obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } as ApiObject,
            webhooks: {
              kind: 'validating',
              invocations: [{ configuration: 'c', webhook }],
              next: 0,
              calls: { 7: { index: 0, sentAt: 0 } },
              failures: {},
              answered: 0,
              verdicts: [],
            },
          },
        },
      },
    },
    note: (_: unknown, meta: { say: { key: string } }) => notes.push(meta.say.key),
  } as unknown as Parameters<typeof webhookAnswered>[0];
  const ended: string[] = [];
  const end: RoundEnd = {
    next: () => void ended.push('next'),
    fail: (_s: Sim<never>, _id: number, status: number, message: string) => void ended.push(`${status} ${message}`),
  } as unknown as RoundEnd;
  webhookAnswered(sim, { type: 'admission-review-response', id: 7, response: { uid: 'x', allowed: true } }, end);
  return { notes, ended };
}

const DEADLINE =
  '500 Internal error occurred: failed calling webhook "validate.example.com": failed to call webhook: Post "https://svc.policy.svc:443/validate?timeout=10s": context deadline exceeded';

describe('timeoutSeconds (the webhook client’s context)', () => {
  it.each([
    ['an answer within the default 10 s', 9_000, 'Fail' as const, undefined, ['next'], []],
    ['an answer after 10 s, failurePolicy Fail', 10_500, 'Fail' as const, undefined, [DEADLINE], []],
    [
      'an answer after 10 s, failurePolicy Ignore',
      10_500,
      'Ignore' as const,
      undefined,
      ['next'],
      ['apiserver-webhook-fail-open'],
    ],
    ['timeoutSeconds 30 allows it', 10_500, 'Fail' as const, 30, ['next'], []],
  ])('%s', (_, now, policy, timeout, ended, notes) => {
    const r = waiting(now, policy, timeout);
    expect(r.ended).toEqual(ended);
    expect(r.notes).toEqual(notes);
  });
});
