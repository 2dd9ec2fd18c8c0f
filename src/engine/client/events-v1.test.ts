import { describe, expect, it } from 'vitest';
import { Sim } from '../core/sim';
import type { ApiRequest } from '../core/messages';
import { USERS } from '../apiserver/authz';
import type { ApiObject } from '../types';
import { recordEventV1, type EventSeriesCache } from './events';

const pod = (resourceVersion: string) =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'u-1', resourceVersion },
  }) as ApiObject;
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: 'n-1' } } as ApiObject;

/** The requests the recorder sent, in order: verb and name. */
function requests(sim: Sim<unknown>): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let d = sim.agenda.pop(); d; d = sim.agenda.pop()) {
    const req = (d.item.msg as { req: ApiRequest }).req;
    out.push([req.verb, req.verb === 'create' ? req.body!.metadata.name?.split('.')[0] : req.name?.split('.')[0]]);
  }
  return out;
}

describe('the events.k8s.io recorder’s series cache (eventBroadcasterImpl.eventCache)', () => {
  it.each<[string, ApiObject[], [string, string | undefined][]]>([
    [
      'the same Event twice: a PATCH of the series',
      [pod('5'), pod('5')],
      [
        ['create', 'web'],
        ['patch', 'web'],
      ],
    ],
    [
      'a third time: counted, not written',
      [pod('5'), pod('5'), pod('5')],
      [
        ['create', 'web'],
        ['patch', 'web'],
      ],
    ],
    [
      'another resourceVersion is another Event',
      [pod('5'), pod('6')],
      [
        ['create', 'web'],
        ['create', 'web'],
      ],
    ],
    [
      'a Node (no namespace), twice',
      [node, node],
      [
        ['create', 'node-1'],
        ['patch', 'node-1'],
      ],
    ],
  ])('%s', (_, objects, sent) => {
    const sim = new Sim({}, 1, {});
    const cache: EventSeriesCache = {};
    for (const object of objects)
      recordEventV1(
        sim,
        'kube-scheduler',
        {
          object,
          reason: 'Scheduled',
          type: 'Normal',
          note: 'n',
          reportingController: 'default-scheduler',
          action: 'Binding',
          user: USERS.scheduler,
        },
        cache,
      );
    expect(requests(sim)).toEqual(sent);
  });

  it('keys the series by action, reason, controller and the object with its resourceVersion, joined by |', () => {
    const sim = new Sim({}, 1, {});
    const cache: EventSeriesCache = {};
    const e = {
      reason: 'Scheduled',
      type: 'Normal' as const,
      note: 'n',
      reportingController: 'default-scheduler',
      action: 'Binding',
      user: USERS.scheduler,
    };
    recordEventV1(sim, 'kube-scheduler', { ...e, object: pod('5') }, cache);
    recordEventV1(sim, 'kube-scheduler', { ...e, object: node }, cache);
    expect(Object.keys(cache)).toEqual([
      'Binding|Scheduled|default-scheduler|Pod|default|web|u-1|5',
      'Binding|Scheduled|default-scheduler|Node||node-1|n-1|',
    ]);
  });
});
