/**
 * The PersistentVolume controller (persistent-volume-binder): it binds each
 * claim to a volume. An unbound claim looks for a matching Available volume
 * (or one pre-bound to it, as a provisioner makes); with none, a class in
 * WaitForFirstConsumer mode waits for the scheduler to pick a node
 * (volume.kubernetes.io/selected-node), then the claim is handed to the
 * class's external provisioner. Models
 * pkg/controller/volume/persistentvolume/pv_controller.go (syncUnboundClaim,
 * provisionClaim, bind, syncVolume) and its event messages.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { USERS } from '../apiserver/authz';
import { isoTime } from '../apiserver/names';
import { request } from '../client/client';
import { recordEvent, REASON } from '../client/events';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import type { ControllerManagerState } from './controller-manager';

const SELF: ComponentId = 'kube-controller-manager';
const COMPONENT = 'persistentvolume-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

type KSim = Sim<{ controllerManager: ControllerManagerState }>;

export const MSG_WAIT_FOR_FIRST_CONSUMER = 'waiting for first consumer to be created before binding';
export const externalProvisioningMessage = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

const quantityBytes = (q: string | number | undefined): number => {
  if (q === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return 0;
  const mult: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  return Number(m[1]) * (m[2] ? mult[m[2]]! : 1);
};

/**
 * What the controller does next for an unbound claim (a pure decision, for the table tests):
 * bind to a volume, wait for the first consumer, hand over to the external provisioner, or wait.
 */
export type ClaimAction =
  | { do: 'bind'; volume: string }
  | { do: 'wait-for-first-consumer' }
  | { do: 'external-provisioning'; provisioner: string }
  | { do: 'wait-provisioner'; provisioner: string }
  | { do: 'none' };

export function nextForClaim(
  pvc: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  classes: StorageClass[],
): ClaimAction {
  const ns = pvc.metadata?.namespace;
  const name = pvc.metadata?.name;
  const className = pvc.spec?.storageClassName ?? '';
  // findBestMatchForClaim: a volume pre-bound to this claim first, else the smallest Available one that fits.
  const prebound = volumes.find(
    (v) =>
      v.spec?.claimRef?.namespace === ns &&
      v.spec?.claimRef?.name === name &&
      (!v.spec?.claimRef?.uid || v.spec.claimRef.uid === pvc.metadata?.uid),
  );
  if (prebound) return { do: 'bind', volume: prebound.metadata!.name! };
  const want = quantityBytes(pvc.spec?.resources?.requests?.storage);
  const modes = pvc.spec?.accessModes ?? [];
  const candidates = volumes
    .filter(
      (v) =>
        !v.spec?.claimRef &&
        (v.spec?.storageClassName ?? '') === className &&
        quantityBytes(v.spec?.capacity?.storage) >= want &&
        modes.every((m) => v.spec?.accessModes?.includes(m)),
    )
    .sort((a, b) => quantityBytes(a.spec?.capacity?.storage) - quantityBytes(b.spec?.capacity?.storage));
  const sc = classes.find((c) => c.metadata?.name === className);
  const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const selected = pvc.metadata?.annotations?.[ANN_SELECTED_NODE];
  // A delayed class leaves the choice of volume to the scheduler, even for a static one.
  if (candidates[0] && !delayed) return { do: 'bind', volume: candidates[0].metadata!.name! };
  if (!sc) return { do: 'none' };
  if (delayed && !selected) return { do: 'wait-for-first-consumer' };
  const handed = pvc.metadata?.annotations?.[ANN_STORAGE_PROVISIONER];
  return handed
    ? { do: 'wait-provisioner', provisioner: handed }
    : { do: 'external-provisioning', provisioner: sc.provisioner };
}

function cached<T>(kcm: ControllerManagerState, prefix: string): T[] {
  return Object.entries(kcm.informers.cache.objects)
    .filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => v as unknown as T);
}

function event(sim: KSim, pvc: PersistentVolumeClaim, reason: string, message: string): void {
  recordEvent(sim, SELF, {
    object: pvc as unknown as ApiObject,
    reason,
    type: 'Normal',
    message,
    component: COMPONENT,
    user: USERS.persistentVolumeBinder,
  });
}

/** syncClaim for one claim key (`/registry/persistentvolumeclaims/<ns>/<name>`). */
export function syncClaim(sim: KSim, key: string): void {
  const kcm = sim.world.controllerManager;
  const pvc = kcm.informers.cache.objects[key] as unknown as PersistentVolumeClaim | undefined;
  if (!pvc || pvc.metadata?.deletionTimestamp) return;
  const name = pvc.metadata!.name!;
  const ns = pvc.metadata!.namespace!;
  const volumes = cached<PersistentVolume>(kcm, '/registry/persistentvolumes/');
  if (pvc.status?.phase === 'Bound') {
    return;
  }
  const action = nextForClaim(pvc, volumes, cached<StorageClass>(kcm, '/registry/storageclasses/'));
  const st = (kcm.pvClaims[key] ??= {});
  switch (action.do) {
    case 'wait-for-first-consumer':
      if (st.waitReported) return;
      st.waitReported = true;
      sim.note(SELF, {
        kind: 'internal',
        level: 'standard',
        say: { key: 'pv-wait-first-consumer', params: { claim: `${ns}/${name}` } },
      });
      return event(sim, pvc, REASON.WaitForFirstConsumer, MSG_WAIT_FOR_FIRST_CONSUMER);
    case 'external-provisioning': {
      // provisionClaim → provisionClaimOperationExternal: mark the claim for the provisioner, and say so.
      const annotations = {
        ...pvc.metadata?.annotations,
        [ANN_BETA_STORAGE_PROVISIONER]: action.provisioner,
        [ANN_STORAGE_PROVISIONER]: action.provisioner,
      };
      request(sim, SELF, {
        verb: 'update',
        resource: 'persistentvolumeclaims',
        namespace: ns,
        name,
        body: { ...(pvc as unknown as ApiObject), metadata: { ...pvc.metadata!, annotations } } as ApiObject,
        user: USERS.persistentVolumeBinder,
        level: 'standard',
        say: { key: 'pv-external-provisioning', params: { claim: `${ns}/${name}`, provisioner: action.provisioner } },
      });
      return event(sim, pvc, REASON.ExternalProvisioning, externalProvisioningMessage(action.provisioner));
    }
    case 'bind':
      return bind(
        sim,
        pvc,
        volumes.find((v) => v.metadata?.name === action.volume)!,
      );
    default:
      return;
  }
}

/** bind: the volume's claimRef and phase Bound, then the claim's volumeName, annotations and phase Bound. */
function bind(sim: KSim, pvc: PersistentVolumeClaim, pv: PersistentVolume): void {
  const kcm = sim.world.controllerManager;
  const ns = pvc.metadata!.namespace!;
  const name = pvc.metadata!.name!;
  const pvName = pv.metadata!.name!;
  const st = (kcm.pvClaims[`/registry/persistentvolumeclaims/${ns}/${name}`] ??= {});
  if (st.binding === pvName) return;
  st.binding = pvName;
  const claimRef = {
    kind: 'PersistentVolumeClaim',
    namespace: ns,
    name,
    uid: pvc.metadata!.uid,
    apiVersion: 'v1',
    resourceVersion: pvc.metadata!.resourceVersion,
  };
  if (pv.status?.phase !== 'Bound') {
    request(sim, SELF, {
      verb: 'update',
      resource: 'persistentvolumes',
      name: pvName,
      body: {
        ...(pv as unknown as ApiObject),
        spec: { ...pv.spec, claimRef: pv.spec?.claimRef ?? claimRef },
        status: { ...pv.status, phase: 'Bound', lastPhaseTransitionTime: isoTime(sim.now) },
      } as unknown as ApiObject,
      user: USERS.persistentVolumeBinder,
      level: 'standard',
      say: { key: 'pv-bind-volume', params: { pv: pvName, claim: `${ns}/${name}` } },
    });
  }
  const annotations = {
    ...pvc.metadata?.annotations,
    [ANN_BIND_COMPLETED]: 'yes',
    [ANN_BOUND_BY_CONTROLLER]: 'yes',
  };
  request(sim, SELF, {
    verb: 'update',
    resource: 'persistentvolumeclaims',
    namespace: ns,
    name,
    body: {
      ...(pvc as unknown as ApiObject),
      metadata: { ...pvc.metadata!, annotations },
      spec: { ...pvc.spec, volumeName: pvName },
      status: {
        phase: 'Bound',
        accessModes: pv.spec?.accessModes ?? pvc.spec?.accessModes,
        capacity: pv.spec?.capacity,
      },
    } as unknown as ApiObject,
    user: USERS.persistentVolumeBinder,
    level: 'overview',
    say: { key: 'pv-bind-claim', params: { pv: pvName, claim: `${ns}/${name}` } },
  });
}

/** The claims a volume event concerns: the one it is (pre-)bound to, or every unbound claim for a new volume. */
export function claimKeysForVolume(kcm: ControllerManagerState, pv: ApiObject): string[] {
  const ref = (pv as unknown as PersistentVolume).spec?.claimRef;
  if (ref?.name) return [`/registry/persistentvolumeclaims/${ref.namespace}/${ref.name}`];
  return Object.entries(kcm.informers.cache.objects)
    .filter(
      ([k, v]) =>
        k.startsWith('/registry/persistentvolumeclaims/') &&
        (v.status as { phase?: string } | undefined)?.phase !== 'Bound',
    )
    .map(([k]) => k);
}
