/**
 * The CNI plugin chain on a node (a bridge plugin with host-local IPAM): on
 * ADD it wires the sandbox's network namespace and hands out the next free
 * address of the node's podCIDR. The container runtime calls it; the kubelet
 * never does.
 */
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ComponentId } from '../types';
import { remembering } from '../core/memo';
import { dict } from '../core/dict';
import { handleFelix, type FelixState } from '../network-policy/felix';

export interface CniState {
  podCIDR: string;
  /** IP → Pod key, as host-local keeps it in /var/lib/cni/networks. */
  allocated: Record<string, string>;
  /** An `ips-exhausted` fault struck: every address of the range counts as taken. */
  exhausted?: boolean;
  /** The podCIDR's usable addresses, parsed once. */
  range: { first: number; last: number };
  /**
   * No address below this one is free: host-local hands out the lowest free
   * address, and its scan starts here rather than at the start of the range
   * each time (a release below it moves it back).
   */
  lowestFree: number;
}

export function initCni(podCIDR: string): CniState {
  const { first, last } = hostRange(podCIDR);
  return { podCIDR, allocated: dict(), range: { first, last }, lowestFree: first };
}

/** `10.244.1.7` → its number (the inverse of ipString). */
function ipNumber(ip: string): number {
  const [a, b, c, d] = ip.split('.').map(Number);
  return ((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0;
}

type CniSim = Sim<{ cnis: Record<string, CniState>; felix: Record<string, FelixState> }>;

/** Usable host addresses of an IPv4 /N range, skipping .0, the gateway (.1) and broadcast. */
export function hostRange(cidr: string): { first: number; last: number; base: string } {
  const [addr, bits] = cidr.split('/');
  const parts = addr!.split('.').map(Number);
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const size = 2 ** (32 - Number(bits));
  return { first: n + 2, last: n + size - 2, base: addr! };
}

export function ipString(n: number): string {
  // A template, not an array joined: host-local's scan makes one for every address it passes over.
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** `cni/node-1` → `node-1`, the same string each time: every delivery looks up the node's state by it. */
const nodeOf = remembering((self: string) => self.slice('cni/'.length));

export function handleCni(sim: CniSim, self: ComponentId, msg: Message, from: ComponentId): void {
  const node = nodeOf(self);
  const st = sim.world.cnis[node]!;
  // Calico's Felix shares the box, when the cluster runs it: the node's policy agent (network-policy/felix.ts).
  if (sim.world.felix[node] && handleFelix(sim, self, msg)) return;
  if (msg.type === 'fault') {
    if (msg.fault.kind === 'ips-exhausted') st.exhausted = true;
    return;
  }
  if (msg.type === 'cni-del') {
    // DEL releases the address host-local gave the sandbox.
    const ip = Object.keys(st.allocated).find((a) => st.allocated[a] === msg.podKey) ?? '';
    if (ip) {
      delete st.allocated[ip];
      st.lowestFree = Math.min(st.lowestFree, ipNumber(ip));
    }
    sim.send(
      {
        from: self,
        to: from,
        msg: { type: 'cni-result', id: msg.id, ok: true, ip, released: true },
        meta: {
          kind: 'response',
          level: 'standard',
          verb: 'DEL',
          say: { key: 'cni-released', params: { ip, cidr: st.podCIDR } },
        },
      },
      sim.latency(3, 12),
    );
    return;
  }
  if (msg.type !== 'cni-add') return;
  const { first, last } = st.range;
  let ip: string | undefined;
  for (let n = st.lowestFree; n <= last && !st.exhausted; n++) {
    const candidate = ipString(n);
    if (!st.allocated[candidate]) {
      ip = candidate;
      st.lowestFree = n + 1;
      break;
    }
  }
  if (!ip) {
    const message = `failed to allocate for range 0: no IP addresses available in range set: ${ipString(first - 1)}-${ipString(last)}`;
    sim.send(
      {
        from: self,
        to: from,
        msg: { type: 'cni-result', id: msg.id, ok: false, message },
        meta: { kind: 'response', level: 'standard', verb: 'ADD', say: { key: 'cni-error', params: { message } } },
      },
      sim.latency(1, 3),
    );
    return;
  }
  st.allocated[ip] = msg.podKey;
  sim.send(
    {
      from: self,
      to: from,
      msg: { type: 'cni-result', id: msg.id, ok: true, ip },
      meta: {
        kind: 'response',
        level: 'standard',
        verb: 'ADD',
        say: { key: 'cni-result', params: { ip, cidr: st.podCIDR } },
      },
    },
    sim.latency(5, 25),
  );
}
