/**
 * What if…: inject a fault right after the step on screen and get a new
 * timeline from there; the timelines (the original and each branch) are kept
 * side by side, and switching keeps the learner on the same step.
 */
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ETCD_SLOW_EXTRA_MS, FAULT_KINDS } from '../engine/faults';
import type { FaultSpec, WhatIf as Branch } from '../engine/types';
import type { Translate } from '../i18n';
import { usePlayer } from '../store/store';
import { cursorForSeq } from '../store/visible';
import { useT } from './useT';

type Kind = FaultSpec['kind'];

/** "node-1 fails", "etcd slows down". */
export function faultLabel(t: Translate, fault: FaultSpec): string {
  return t(`whatif.fault.${fault.kind}`, 'node' in fault ? { node: fault.node } : {});
}

export const WhatIfBar = memo(function WhatIfBar() {
  const t = useT();
  const s = usePlayer(
    useShallow((st) => ({
      branches: st.branches,
      branch: st.branch,
      nodes: st.original.nodes,
      visible: st.visible,
      simulating: st.simulating,
    })),
  );
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('node-down');
  const [node, setNode] = useState('');
  const needsNode = FAULT_KINDS.find((k) => k.kind === kind)?.node ?? false;
  const target = s.nodes.some((n) => n.name === node) ? node : (s.nodes[0]?.name ?? '');
  // The step number as the learner counts it at this detail level: the prefix is shared, so any timeline's steps do.
  const stepOf = (b: Branch): number => cursorForSeq(s.visible, b.atStep);

  const inject = (): void => {
    const fault = (needsNode ? { kind, node: target } : { kind }) as FaultSpec;
    setOpen(false);
    void usePlayer.getState().whatIf(fault);
  };

  return (
    <div className="whatif" data-testid="whatif">
      <div className="whatif-row">
        <label className="branch-switch">
          <span>{t('whatif.timeline')}</span>
          <select
            value={s.branch}
            onChange={(e) => usePlayer.getState().switchBranch(Number(e.currentTarget.value))}
            data-testid="branch-switch"
          >
            <option value={-1}>{t('whatif.original')}</option>
            {s.branches.map((b, i) => (
              <option key={i} value={i}>
                {t('whatif.branch', { n: i + 1, fault: faultLabel(t, b.whatIf.fault), step: stepOf(b.whatIf) })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="whatif-menu"
          onClick={() => setOpen(!open)}
          disabled={s.simulating}
          data-testid="whatif-button"
        >
          {t('whatif.button')}
        </button>
      </div>
      {open && (
        <div id="whatif-menu" className="whatif-menu" role="group" aria-labelledby="whatif-heading">
          <WhatIfHeading />
          <fieldset>
            <legend className="visually-hidden">{t('whatif.menuLabel')}</legend>
            {FAULT_KINDS.map((k) => (
              <label key={k.kind} className="whatif-kind">
                <input
                  type="radio"
                  name="whatif-kind"
                  value={k.kind}
                  checked={kind === k.kind}
                  onChange={() => setKind(k.kind)}
                  data-testid={`whatif-kind-${k.kind}`}
                />
                <span>
                  <strong>
                    {faultLabel(t, k.node ? { kind: k.kind, node: target } : ({ kind: k.kind } as FaultSpec))}
                  </strong>
                  <small>{t(`whatif.describe.${k.kind}`, { ms: ETCD_SLOW_EXTRA_MS })}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {needsNode && (
            <label className="whatif-node">
              <span>{t('whatif.node')}</span>
              <select value={target} onChange={(e) => setNode(e.currentTarget.value)} data-testid="whatif-node">
                {s.nodes.map((n) => (
                  <option key={n.name} value={n.name}>
                    {n.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('whatif.cancel')}
            </button>
            <button type="button" className="primary" onClick={inject} data-testid="whatif-inject">
              {t('whatif.inject')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
});

/** "After step N": the only part that follows the cursor, so playing does not re-render the bar. */
function WhatIfHeading() {
  const t = useT();
  const cursor = usePlayer((st) => st.cursor);
  return (
    <p id="whatif-heading" className="whatif-heading">
      {t('whatif.heading', { step: cursor })}
    </p>
  );
}

/** Where the branch on screen leaves the original, as a fraction of the scrubber, with its label. */
export function useBranchMark(): { at: number; step: number } | null {
  return usePlayer(
    useShallow((st) => {
      const b = st.branch >= 0 ? st.branches[st.branch] : undefined;
      if (!b) return null;
      const step = cursorForSeq(st.visible, b.whatIf.atStep);
      return { at: st.visible.length ? step / st.visible.length : 0, step };
    }),
  );
}
