/**
 * The add-ons' inspectors: istiod, Kyverno, ingress-nginx, and Felix inside a
 * node's CNI box. Each is a function of (trace, cursor) through addons.ts.
 */
import { useMemo } from 'react';
import type { Trace } from '../engine';
import type { useT } from '../panels/useT';
import { calicoRuns, felixAt, ingressNginxAt, istiodAt, kyvernoAt } from './addons';

type T = ReturnType<typeof useT>;

interface ViewProps {
  trace: Trace;
  seq: number;
  t: T;
}

/** A big run answers a review per Pod: the most recent ones are shown, the heading counts them all. */
const RECENT = 20;

function Empty({ t }: { t: T }) {
  return <p className="muted">{t('inspect.nothingYet')}</p>;
}

export function IstiodView({ trace, seq, t }: ViewProps) {
  const v = useMemo(() => istiodAt(trace, seq), [trace, seq]);
  if (!v.reviews.length && !v.proxies.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-istiod">
      <h3 className="inspect-sub">
        {t('inspect.istiod.reviews')} <span className="muted">({v.reviews.length})</span>
      </h3>
      {v.reviews.length ? (
        <div className="table-scroll" tabIndex={0}>
          <table className="inspect-table">
            <caption className="visually-hidden">{t('inspect.istiod.reviews')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspect.istiod.pod')}</th>
                <th scope="col">{t('inspect.istiod.verdict')}</th>
                <th scope="col">{t('inspect.istiod.patch')}</th>
              </tr>
            </thead>
            <tbody>
              {v.reviews.slice(-RECENT).map((r) => (
                <tr key={r.seq} data-testid="istiod-review" className={r.seq === seq ? 'is-current' : undefined}>
                  <th scope="row" className="mono">
                    {r.pod}
                  </th>
                  <td>
                    {r.injected
                      ? t('inspect.istiod.patched', { ops: r.ops })
                      : t('inspect.istiod.skipped', { reason: r.reason })}
                  </td>
                  <td className="mono">
                    {r.injected &&
                      (r.patch.length ? (
                        <ul className="plain">
                          {r.patch.map((op) => (
                            <li key={op}>{op}</li>
                          ))}
                          <li className="muted">{r.image}</li>
                        </ul>
                      ) : (
                        <span className="muted">{t('inspect.istiod.notApplied')}</span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('inspect.istiod.none')}</p>
      )}
      <h3 className="inspect-sub">{t('inspect.istiod.proxies')}</h3>
      {v.proxies.length ? (
        <div className="table-scroll" tabIndex={0}>
          <table className="inspect-table">
            <caption className="visually-hidden">{t('inspect.istiod.proxies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspect.istiod.proxy')}</th>
                <th scope="col">{t('inspect.istiod.lastPush')}</th>
              </tr>
            </thead>
            <tbody>
              {v.proxies.map((x) => (
                <tr
                  key={x.node}
                  data-testid="istiod-proxy"
                  data-node={x.node}
                  className={x.push?.seq === seq ? 'is-current' : undefined}
                >
                  <th scope="row" className="mono">
                    {x.node} <span className="muted">{x.ip}</span>
                  </th>
                  <td className="mono">
                    {x.push
                      ? t('inspect.istiod.pushed', {
                          version: x.push.version,
                          clusters: x.push.clusters.join(', '),
                          endpoints: x.push.endpoints.join(', ') || '—',
                        })
                      : t('inspect.istiod.noPush')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('inspect.istiod.none')}</p>
      )}
    </div>
  );
}

export function KyvernoView({ trace, seq, t }: ViewProps) {
  const v = useMemo(() => kyvernoAt(trace, seq), [trace, seq]);
  if (!v.policies.length && !v.reviews.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-kyverno">
      <h3 className="inspect-sub">{t('inspect.kyverno.policies')}</h3>
      {v.policies.map((p) => (
        <section key={p.name} data-testid="kyverno-policy">
          <h4 className="inspect-sub mono">{p.name}</h4>
          <div className="table-scroll" tabIndex={0}>
            <table className="inspect-table">
              <caption className="visually-hidden">{p.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspect.kyverno.rule')}</th>
                  <th scope="col">{t('inspect.kyverno.message')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rules.map((r) => (
                  <tr key={r.name}>
                    <th scope="row" className="mono">
                      {r.name}
                      <div className="muted">
                        {r.kinds.join(', ')} · {t('inspect.kyverno.action')}: {r.failureAction}
                      </div>
                    </th>
                    <td>
                      {r.message}
                      {r.pattern && <div className="mono muted">pattern: {r.pattern}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <h3 className="inspect-sub">
        {t('inspect.kyverno.reviews')} <span className="muted">({v.reviews.length})</span>
      </h3>
      {v.reviews.length ? (
        <ul className="plain">
          {v.reviews.slice(-RECENT).map((r) => (
            <li key={r.seq} data-testid="kyverno-review" className={r.seq === seq ? 'is-current' : undefined}>
              <span className="mono">{r.object}</span>:{' '}
              {r.allowed ? t('inspect.kyverno.allowed', { rules: r.message }) : t('inspect.kyverno.blocked')}
              {!r.allowed && (
                <pre tabIndex={0} className="mono code wraps">
                  {r.message}
                </pre>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('inspect.kyverno.none')}</p>
      )}
    </div>
  );
}

export function IngressNginxView({ trace, seq, t }: ViewProps) {
  const v = useMemo(() => ingressNginxAt(trace, seq), [trace, seq]);
  if (!v.servers.length && !v.addresses.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-ingress-nginx">
      {v.servers.map((s) => (
        <section key={s.host} data-testid="nginx-server">
          <h3 className="inspect-sub mono">{t('inspect.ingressNginx.server', { host: s.host })}</h3>
          <div className="table-scroll" tabIndex={0}>
            <table className="inspect-table">
              <caption className="visually-hidden">{t('inspect.ingressNginx.server', { host: s.host })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspect.ingressNginx.path')}</th>
                  <th scope="col">{t('inspect.ingressNginx.service')}</th>
                  <th scope="col">{t('inspect.ingressNginx.endpoints')}</th>
                </tr>
              </thead>
              <tbody>
                {s.locations.map((l) => (
                  <tr key={`${l.path}/${l.pathType}`} data-testid="nginx-location">
                    <th scope="row" className="mono">
                      {l.path} <span className="muted">({l.pathType})</span>
                    </th>
                    <td className="mono">
                      {l.service} <div className="muted">{l.upstream}</div>
                    </td>
                    <td className="mono">
                      {l.endpoints.length ? (
                        <ul className="plain">
                          {l.endpoints.map((e) => (
                            <li key={e.endpoint} data-testid="nginx-endpoint">
                              {e.endpoint} <span className="muted">{e.pod}</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t('inspect.ingressNginx.none')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {v.lastUpdate && (
        <p data-testid="nginx-last-change" className={v.lastUpdate.seq === seq ? 'is-current' : undefined}>
          {v.lastUpdate.reload ? t('inspect.ingressNginx.lastReload') : t('inspect.ingressNginx.lastDynamic')}
          <span className="muted"> · {t('inspect.ingressNginx.reloads', { count: v.reloads })}</span>
        </p>
      )}
      {v.addresses.length ? (
        v.addresses.map((a) => (
          <p key={a.seq} className="mono" data-testid="nginx-address">
            {t('inspect.ingressNginx.address', { ingress: a.ingress, address: a.address, node: a.node })} —{' '}
            {a.status !== undefined
              ? t('inspect.ingressNginx.addressStored', { status: a.status })
              : t('inspect.ingressNginx.addressPending')}
          </p>
        ))
      ) : (
        <p className="muted" data-testid="nginx-address">
          {t('inspect.ingressNginx.noAddress')}
        </p>
      )}
    </div>
  );
}

/** Felix's part of a node's CNI inspector, shown only when Calico is the CNI plugin. */
export function FelixView({ trace, seq, t, node }: ViewProps & { node: string }) {
  const calico = useMemo(() => calicoRuns(trace, node), [trace, node]);
  const v = useMemo(() => (calico ? felixAt(trace, node, seq) : null), [calico, trace, node, seq]);
  if (!v) return null;
  return (
    <section data-testid="inspect-felix">
      <h3 className="inspect-sub">{t('inspect.felix.heading')}</h3>
      <h4 className="inspect-sub">{t('inspect.felix.endpoints')}</h4>
      {v.endpoints.length ? (
        v.endpoints.map((e) => (
          <div key={e.pod} data-testid="felix-endpoint" className={e.seq === seq ? 'is-current' : undefined}>
            <p className="mono">
              {e.pod}{' '}
              <span className="muted">
                {e.ip} · {e.iface}
              </span>
            </p>
            <ul className="plain mono">
              <li>
                {t('inspect.felix.ingress')}: {e.ingress.join(', ') || '—'}
              </li>
              <li>
                {t('inspect.felix.egress')}: {e.egress.join(', ') || '—'}
              </li>
            </ul>
            {e.chains.length ? (
              <pre tabIndex={0} className="mono code wraps" aria-label={t('inspect.felix.chains')}>
                {e.chains.join('\n')}
              </pre>
            ) : (
              <p className="muted">{t('inspect.felix.noPolicy')}</p>
            )}
          </div>
        ))
      ) : (
        <Empty t={t} />
      )}
      <h4 className="inspect-sub">{t('inspect.felix.drops')}</h4>
      {v.drops.length ? (
        <ul className="plain mono">
          {v.drops.map((d) => (
            <li key={d.seq} data-testid="felix-drop" className={d.seq === seq ? 'is-current' : undefined}>
              {t('inspect.felix.drop', { url: d.url, pod: d.pod, endpoint: d.endpoint, chain: d.chain })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('inspect.felix.noDrops')}</p>
      )}
    </section>
  );
}
