import { memo } from 'react';
import { useT } from '../panels/useT';
import type { PodView } from './pods';

/** Long generated names keep their end, where the ReplicaSet hash and the random suffix are. */
export function shortName(name: string, max = 18): string {
  return name.length <= max ? name : `…${name.slice(name.length - max + 1)}`;
}

const ICON: Record<PodView['health'], string> = { ok: '✓', progress: '◷', failed: '✕' };

/** One Pod as the diagram shows it: name, kubectl STATUS, READY and IP. Colour is never the only cue. */
export const PodCard = memo(function PodCard({
  pod,
  compact = false,
  failure,
}: {
  pod: PodView;
  compact?: boolean;
  /** The reason of a failure that holds against this Pod (the component's view, before or beyond its STATUS). */
  failure?: string;
}) {
  const t = useT();
  const ip = pod.ip === '<none>' ? t('diagram.noIP') : pod.ip;
  const health = failure ? 'failed' : pod.health;
  // The failure's reason when STATUS does not already say it (ContainerCreating while the sandbox fails).
  const extra = failure && failure !== pod.status && !pod.blocked ? failure : undefined;
  return (
    <div
      className={`pod-card pod-${health}`}
      data-failure={failure}
      data-testid="pod-card"
      data-pod={pod.name}
      data-status={pod.status}
      data-blocked={pod.blocked}
      aria-label={t('diagram.podCard', {
        name: pod.name,
        status: pod.blocked ? `${pod.status} (${pod.blocked})` : pod.status,
      })}
    >
      <div className="pod-name">
        <span className="pod-icon" aria-hidden="true">
          {ICON[health]}
        </span>
        <span className="pod-name-text" title={pod.name}>
          {shortName(pod.name)}
        </span>
      </div>
      <div className="pod-meta">
        <span className="pod-status">{pod.status}</span>
        <span className="pod-ready">{pod.ready}</span>
      </div>
      {pod.blocked && (
        <div className="pod-blocked" data-testid="pod-blocked">
          PodScheduled=False: {pod.blocked}
        </div>
      )}
      {extra && (
        <div className="pod-blocked" data-testid="pod-failure">
          {extra}
        </div>
      )}
      {!compact && !pod.blocked && (
        <div className="pod-ip" data-testid="pod-ip">
          {ip}
        </div>
      )}
    </div>
  );
});
