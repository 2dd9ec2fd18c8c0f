/**
 * The iptables chains kube-proxy had written on a node at a step, read back
 * from the trace (each sync step carries the rules as iptables-save text),
 * for the UI and the headless API.
 */
import type { Trace } from '../types';
import { parseIptablesSave, type IptablesChain } from './iptables';

export function iptablesChainsAt(trace: Pick<Trace, 'steps'>, node: string, seq: number): IptablesChain[] {
  const from = `kube-proxy/${node}`;
  for (let i = Math.min(seq, trace.steps.length - 1); i >= 0; i--) {
    const step = trace.steps[i]!;
    if (step.from === from && step.say.key === 'kube-proxy-sync')
      return parseIptablesSave(String(step.say.params.rules));
  }
  return [];
}
