/**
 * The add-ons a run has (issue #5): Calico's Felix for NetworkPolicies, the
 * ingress-nginx controller for Ingresses. A cluster names them; a run whose
 * manifests hold an object only an add-on serves gets that add-on too, as a
 * learner following the docs installs it before applying such YAML (a
 * NetworkPolicy with no policy agent is stored and silently not enforced).
 */
import type { SimulationInput } from './types';

export type Addon = NonNullable<SimulationInput['cluster']['addons']>[number];

const SERVED_BY: Record<string, Addon> = { NetworkPolicy: 'calico', Ingress: 'ingress-nginx' };

export function addonsOf(input: Pick<SimulationInput, 'cluster' | 'manifests' | 'updates'>): Set<Addon> {
  const out = new Set<Addon>(input.cluster.addons ?? []);
  for (const m of [...input.manifests, ...(input.updates ?? []).map((u) => u.manifest)]) {
    const addon = SERVED_BY[String((m as { kind?: unknown } | null)?.kind)];
    if (addon) out.add(addon);
  }
  return out;
}
