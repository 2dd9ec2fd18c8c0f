import { describe, expect, it } from 'vitest';
import type { Message } from '../core/messages';
import type { Delivery } from '../core/sim';
import { handleCni, initCni } from './cni';

/**
 * host-local hands out the lowest free address of the node's podCIDR. The scan
 * starts at the lowest address that may be free (lowestFree), not at the start
 * of the range: a release below it must move it back.
 */
describe('host-local IPAM: the lowest free address', () => {
  function node() {
    const st = initCni('10.244.1.0/24');
    const sent: Delivery[] = [];
    const sim = {
      world: { cnis: { 'node-1': st }, felix: {} },
      send: (d: Delivery) => sent.push(d),
      latency: () => 1,
    } as unknown as Parameters<typeof handleCni>[0];
    let id = 0;
    const call = (msg: Message): string => {
      handleCni(sim, 'cni/node-1', msg, 'runtime/node-1');
      const result = sent[sent.length - 1]!.msg as Extract<Message, { type: 'cni-result' }>;
      return result.ok ? (result.ip ?? '') : `error: ${result.message}`;
    };
    return {
      st,
      add: (pod: string) => call({ type: 'cni-add', id: ++id, podKey: pod, sandboxId: 'sb' }),
      del: (pod: string) => call({ type: 'cni-del', id: ++id, podKey: pod }),
    };
  }

  it('gives .2, .3, .4 in turn, then the released .3 again, then .5', () => {
    const n = node();
    expect([n.add('a'), n.add('b'), n.add('c')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    expect(n.del('b')).toBe('10.244.1.3');
    expect(n.add('d')).toBe('10.244.1.3');
    expect(n.add('e')).toBe('10.244.1.5');
  });

  it('goes back to the lowest of several releases', () => {
    const n = node();
    for (const p of ['a', 'b', 'c', 'd']) n.add(p);
    n.del('c');
    n.del('a');
    expect(n.add('x')).toBe('10.244.1.2');
    expect(n.add('y')).toBe('10.244.1.4');
    expect(n.add('z')).toBe('10.244.1.6');
  });

  it('fails with host-local’s message once the range is used up', () => {
    const n = node();
    for (let i = 0; i < 253; i++) n.add(`p${i}`);
    expect(n.add('one-too-many')).toBe(
      'error: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
    );
    n.del('p100');
    expect(n.add('again')).toBe('10.244.1.102');
  });
});
