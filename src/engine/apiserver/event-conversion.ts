/**
 * events.k8s.io/v1 and core/v1 Events are one resource stored once, in the
 * core/v1 form. Models pkg/apis/events/v1/conversion.go: regarding →
 * involvedObject, note → message, deprecatedSource/FirstTimestamp/
 * LastTimestamp/Count → source/firstTimestamp/lastTimestamp/count;
 * reportingController is reportingComponent.
 */
import type { ApiRequest } from '../core/messages';
import type { ApiObject } from '../types';

export function eventToStorage(req: ApiRequest, obj: ApiObject): ApiObject {
  if (req.resource !== 'events' || req.group !== 'events.k8s.io') return obj;
  const e = obj as Record<string, unknown>;
  const count = e.deprecatedCount as number | undefined;
  // The optional fields are assigned in their places as the fields come, not spread from
  // temporary objects: every Event kube-scheduler records is converted.
  const out: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: obj.metadata,
    involvedObject: e.regarding,
    reason: e.reason,
    message: e.note,
    // A struct, not a pointer: an empty source, and null timestamps, when the client set none.
    source: e.deprecatedSource ?? {},
    firstTimestamp: e.deprecatedFirstTimestamp ?? null,
    lastTimestamp: e.deprecatedLastTimestamp ?? null,
  };
  if (count) out.count = count;
  out.type = e.type;
  out.eventTime = e.eventTime;
  if (e.series) out.series = e.series;
  if (e.action) out.action = e.action;
  if (e.related) out.related = e.related;
  out.reportingComponent = e.reportingController ?? '';
  out.reportingInstance = e.reportingInstance ?? '';
  return out as unknown as ApiObject;
}
