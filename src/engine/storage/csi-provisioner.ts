/**
 * The external-provisioner sidecar of the CSI hostpath driver
 * (kubernetes-csi/external-provisioner on sig-storage-lib-external-provisioner):
 * it watches claims handed to its driver (volume.kubernetes.io/storage-provisioner),
 * calls the driver's CreateVolume over gRPC, and creates the PersistentVolume,
 * pre-bound to the claim, on the node the scheduler selected. The PV
 * controller then binds the claim. Models controller.go provisionClaimOperation
 * and its events Provisioning and ProvisioningSucceeded.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { USERS } from '../apiserver/authz';
import { uuid } from '../apiserver/names';
import { request } from '../client/client';
import { recordEvent, REASON } from '../client/events';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import { CSI_HOSTPATH_DRIVER } from '../cluster/bootstrap';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';

export const CSI_PROVISIONER: ComponentId = 'csi-provisioner';
/** The topology key the hostpath driver reports for its node (NodeGetInfo AccessibleTopology). */
export const HOSTPATH_TOPOLOGY_KEY = 'topology.hostpath.csi/node';

export interface CsiProvisionerState {
  informers: Informers;
  /** Claims being provisioned: claim key → the PV create request. */
  provisioning: Record<string, number>;
  /** Create request id → claim key and PV name. */
  pending: Record<number, { claimKey: string; pv: string }>;
  /** The leader's identity, as its events' source shows it. */
  identity: string;
}

export function initCsiProvisioner(): CsiProvisionerState {
  return { informers: newInformers(), provisioning: {}, pending: {}, identity: '' };
}

type PSim = Sim<{ csiProvisioner: CsiProvisionerState }>;

/** `External provisioner is provisioning volume for claim "default/data"`. */
export const provisioningMessage = (claim: string) =>
  `External provisioner is provisioning volume for claim "${claim}"`;
export const provisionedMessage = (pv: string) => `Successfully provisioned volume ${pv}`;

/** The PersistentVolume the driver's CreateVolume answer becomes (controller.go Provision). */
export function volumeFor(
  pvc: PersistentVolumeClaim,
  sc: StorageClass,
  node: string,
  handle: string,
  identity: string,
): ApiObject {
  const pvName = `pvc-${pvc.metadata!.uid}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: pvName,
      annotations: { 'pv.kubernetes.io/provisioned-by': sc.provisioner },
      finalizers: ['external-provisioner.volume.kubernetes.io/finalizer'],
    },
    spec: {
      accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: pvc.metadata!.namespace,
        name: pvc.metadata!.name,
        uid: pvc.metadata!.uid,
        apiVersion: 'v1',
        resourceVersion: pvc.metadata!.resourceVersion,
      },
      csi: {
        driver: sc.provisioner,
        volumeHandle: handle,
        fsType: 'ext4',
        volumeAttributes: { kind: 'file', 'storage.kubernetes.io/csiProvisionerIdentity': identity },
      },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTPATH_TOPOLOGY_KEY, operator: 'In', values: [node] }] }],
        },
      },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata!.name,
      volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    },
  };
}

export function handleCsiProvisioner(sim: PSim, self: ComponentId, msg: Message): void {
  const st = sim.world.csiProvisioner;
  if (msg.type === 'start') {
    // The provisioner's identity: start time in ms, a random number, the driver (fixed: no randomness spent).
    st.identity = `1768464000000-4120-${CSI_HOSTPATH_DRIVER}`;
    return startInformers(
      sim,
      self,
      st.informers,
      [{ resource: 'persistentvolumeclaims' }, { resource: 'storageclasses' }],
      USERS.csiProvisioner,
    );
  }
  const events = informerReceive(st.informers, self, msg, sim);
  if (events) {
    for (const e of events)
      if (e.object.kind === 'PersistentVolumeClaim' && e.type !== 'DELETED') provision(sim, self, e.key);
    return;
  }
  if (msg.type === 'http-response') {
    const p = st.pending[msg.id];
    if (!p) return;
    delete st.pending[msg.id];
    const pvc = st.informers.cache.objects[p.claimKey];
    if (!pvc || (msg.status !== 201 && msg.status !== 409)) {
      delete st.provisioning[p.claimKey];
      return;
    }
    recordEvent(sim, self, {
      object: pvc,
      reason: REASON.ProvisioningSucceeded,
      type: 'Normal',
      message: provisionedMessage(p.pv),
      component: `${CSI_HOSTPATH_DRIVER}_csi-hostpathplugin-0_${st.identity.slice(-8)}`,
      user: USERS.csiProvisioner,
    });
  }
}

/** shouldProvision, then provisionClaimOperation for one claim. */
function provision(sim: PSim, self: ComponentId, key: string): void {
  const st = sim.world.csiProvisioner;
  const pvc = st.informers.cache.objects[key] as unknown as PersistentVolumeClaim | undefined;
  if (!pvc || pvc.spec?.volumeName || st.provisioning[key] !== undefined) return;
  const ann = pvc.metadata?.annotations ?? {};
  if (ann['volume.kubernetes.io/storage-provisioner'] !== CSI_HOSTPATH_DRIVER) return;
  const sc = st.informers.cache.objects[`/registry/storageclasses/${pvc.spec?.storageClassName ?? ''}`] as unknown as
    StorageClass | undefined;
  const node = ann['volume.kubernetes.io/selected-node'];
  if (!sc || (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node)) return;
  const claim = `${pvc.metadata!.namespace}/${pvc.metadata!.name}`;
  const component = `${CSI_HOSTPATH_DRIVER}_csi-hostpathplugin-0_${st.identity.slice(-8)}`;
  recordEvent(sim, self, {
    object: pvc as unknown as ApiObject,
    reason: REASON.Provisioning,
    type: 'Normal',
    message: provisioningMessage(claim),
    component,
    user: USERS.csiProvisioner,
  });
  const handle = uuid(sim);
  sim.note(self, {
    kind: 'internal',
    level: 'deep',
    say: {
      key: 'csi-create-volume',
      params: {
        claim,
        driver: sc.provisioner,
        node: node ?? '',
        size: String(pvc.spec?.resources?.requests?.storage ?? ''),
      },
    },
  });
  const pv = volumeFor(pvc, sc, node ?? '', handle, st.identity);
  const id = request(sim, self, {
    verb: 'create',
    resource: 'persistentvolumes',
    body: pv,
    user: USERS.csiProvisioner,
    level: 'overview',
    say: { key: 'csi-create-pv', params: { pv: String(pv.metadata.name), claim, node: node ?? '' } },
  });
  st.provisioning[key] = id;
  st.pending[id] = { claimKey: key, pv: String(pv.metadata.name) };
}
