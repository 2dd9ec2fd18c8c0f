/**
 * The cluster editor: add and remove nodes, set their capacity, labels and
 * taints; Apply re-runs the simulation on that cluster, keeping the place.
 * A wrong field is named with what is wrong, and nothing the learner typed
 * is lost.
 */
import { useRef, useState } from 'react';
import { draftOf, newNodeDraft, type DraftError, type NodeDraft } from '../store/cluster-edit';
import { usePlayer } from '../store/store';
import { useT } from './useT';

const FIELDS: { field: keyof NodeDraft; wide?: boolean; placeholder?: string }[] = [
  { field: 'name' },
  { field: 'cpu', placeholder: '4' },
  { field: 'memory', placeholder: '8Gi' },
  { field: 'pods', placeholder: '110' },
  { field: 'labels', wide: true, placeholder: 'disktype=ssd' },
  { field: 'taints', wide: true, placeholder: 'dedicated=web:NoSchedule' },
];

export function ClusterDialog() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<NodeDraft[]>([]);
  const [errors, setErrors] = useState<DraftError[]>([]);

  const open = (): void => {
    const s = usePlayer.getState();
    setRows(s.clusterDraft ?? draftOf({ nodes: [...s.original.nodes] }));
    setErrors([]);
    dialog.current?.showModal();
  };
  const update = (i: number, patch: Partial<NodeDraft>): void => {
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  };
  const apply = (): void => {
    const result = usePlayer.getState().setCluster(rows);
    if (result && !result.ok) return setErrors(result.errors);
    setErrors([]);
    dialog.current?.close();
  };
  const reset = (): void => {
    usePlayer.getState().setCluster(null);
    dialog.current?.close();
  };
  const errorsOf = (i: number, field: keyof NodeDraft): DraftError[] =>
    errors.filter((e) => e.node === i && e.field === field);
  const general = errors.filter((e) => e.node >= rows.length);

  return (
    <>
      <button type="button" onClick={open} data-testid="cluster-button">
        {t('cluster.button')}
      </button>
      <dialog
        ref={dialog}
        className="dialog cluster-dialog"
        aria-labelledby="cluster-heading"
        data-testid="cluster-dialog"
      >
        <h2 id="cluster-heading">{t('cluster.heading')}</h2>
        <p className="cluster-intro">{t('cluster.intro')}</p>
        {errors.length > 0 && (
          <div className="notice" role="alert" data-testid="cluster-errors">
            <p>{t('cluster.invalid')}</p>
          </div>
        )}
        {[...general, ...errors.filter((e) => e.key === 'cluster.error.noNodes')].map((e, k) => (
          <p key={k} className="field-error" role="alert">
            {t(e.key, e.params)}
          </p>
        ))}
        {rows.map((row, i) => (
          <fieldset key={i} className="cluster-node" data-testid="cluster-node">
            <legend>{t('cluster.node', { n: i + 1 })}</legend>
            <div className="dialog-fields">
              {FIELDS.map(({ field, wide, placeholder }) => {
                const errs = errorsOf(i, field).filter((e) => e.key !== 'cluster.error.noNodes');
                const id = `cluster-${i}-${field}`;
                return (
                  <label key={field} className={wide ? 'wide' : undefined} htmlFor={id}>
                    <span>{t(`cluster.${field}`)}</span>
                    <input
                      id={id}
                      type="text"
                      value={row[field]}
                      placeholder={placeholder}
                      spellCheck={false}
                      autoComplete="off"
                      aria-invalid={errs.length > 0}
                      aria-describedby={errs.length ? `${id}-error` : undefined}
                      onChange={(e) => update(i, { [field]: e.currentTarget.value })}
                      data-testid={`cluster-${field}`}
                    />
                    {errs.length > 0 && (
                      <span id={`${id}-error`} className="field-error" data-testid="cluster-field-error">
                        {errs.map((e) => t(e.key, e.params)).join(' ')}
                      </span>
                    )}
                  </label>
                );
              })}
            </div>
            <button
              type="button"
              className="cluster-remove"
              onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
              data-testid="cluster-remove"
            >
              {t('cluster.remove')}
            </button>
          </fieldset>
        ))}
        <div className="dialog-actions">
          <button type="button" onClick={() => setRows((r) => [...r, newNodeDraft(r)])} data-testid="cluster-add">
            {t('cluster.add')}
          </button>
          <button type="button" onClick={reset} data-testid="cluster-reset">
            {t('cluster.reset')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('cluster.cancel')}
          </button>
          <button type="button" className="primary" onClick={apply} data-testid="cluster-apply">
            {t('cluster.apply')}
          </button>
        </div>
      </dialog>
    </>
  );
}
