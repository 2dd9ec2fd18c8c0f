/**
 * The root CA certificate publisher: every namespace gets the ConfigMap
 * kube-root-ca.crt holding the cluster's CA, which each Pod's projected
 * kube-api-access volume mounts. Models
 * pkg/controller/certificates/rootcacertpublisher/publisher.go syncNamespace.
 */
import { USERS } from '../apiserver/authz';
import { request } from '../client/client';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';

const SELF: ComponentId = 'kube-controller-manager';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
/** The annotation the publisher sets (DescriptionAnnotation). */
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

/** Sync one namespace (`/registry/namespaces/<name>`): create its kube-root-ca.crt if it has none. */
export function syncRootCaConfigMap(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const ns = kcm.informers.cache.objects[key];
  if (!ns || (ns.status as { phase?: string } | undefined)?.phase !== 'Active') return;
  const name = String(ns.metadata.name);
  if (kcm.informers.cache.objects[`/registry/configmaps/${name}/${ROOT_CA_CONFIGMAP}`]) return;
  const id = request(sim, SELF, {
    verb: 'create',
    resource: 'configmaps',
    namespace: name,
    body: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: ROOT_CA_CONFIGMAP,
        namespace: name,
        annotations: { 'kubernetes.io/description': DESCRIPTION },
      },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
    } as ApiObject,
    user: USERS.rootCaCertPublisher,
    level: 'standard',
    say: { key: 'rootca-publish', params: { namespace: name } },
  });
  kcm.pending[id] = { controller: 'rootcacert', key, action: 'create', name: ROOT_CA_CONFIGMAP };
}
