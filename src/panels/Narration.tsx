/**
 * The narration of the step at the cursor: a title and one to three plain
 * sentences from the catalog, with the step's facts (who, verb, path,
 * status) beneath. Announced to screen readers as it changes.
 */
import { memo } from 'react';
import { narrationOf } from '../i18n/narrate';
import { currentStep, usePlayer } from '../store/store';
import { mythOf } from '../story/myths';
import { formatVirtualTime } from './format';
import { sourceLink } from './source-link';
import { useT } from './useT';

export const Narration = memo(function Narration() {
  const t = useT();
  const step = usePlayer(currentStep);
  const nodes = usePlayer((s) => s.trace.nodes.length);
  const scenario = usePlayer((s) => s.shownScenario);
  const custom = usePlayer((s) => s.custom);
  const source = step?.source ? sourceLink(step.source) : null;
  const myth = step ? mythOf(step) : null;
  const text = step
    ? narrationOf(t, step)
    : custom
      ? { title: t('editor.shown'), body: `${t('editor.lesson')} ${t('narration.startBody', { nodes })}` }
      : {
          title: t(`scenario.${scenario}.title`),
          body: `${t(`scenario.${scenario}.lesson`)} ${t('narration.startBody', { nodes })}`,
        };
  return (
    <section className="narration" aria-labelledby="narration-heading" data-testid="narration">
      <h2 id="narration-heading" className="visually-hidden">
        {t('narration.heading')}
      </h2>
      <div aria-live="polite" aria-atomic="true">
        <h3 className="narration-title" data-testid="narration-title">
          {text.title}
        </h3>
        <p className="narration-body">{text.body}</p>
      </div>
      {myth && (
        <aside className="myth" data-testid="myth">
          <strong>{t('myth.label')}:</strong> <s>{t(`myth.${myth}.wrong`)}</s> {t(`myth.${myth}.right`)}
        </aside>
      )}
      {step && (
        <dl className="step-facts">
          <div>
            <dt className="visually-hidden">{t('narration.facts.kind')}</dt>
            <dd className={`chip chip-${step.kind}`}>
              {t(`narration.kind.${step.kind}`)}
              {step.summary ? ` · ${t('narration.summary')}` : ''}
            </dd>
          </div>
          <div>
            <dt className="visually-hidden">{t('narration.facts.edge')}</dt>
            <dd className="mono">
              {step.from}
              {step.from !== step.to ? ` → ${[step.to, ...(step.fanout ?? [])].join(', ')}` : ''}
            </dd>
          </div>
          {(step.verb || step.path) && (
            <div>
              <dt className="visually-hidden">{t('narration.facts.call')}</dt>
              <dd className="mono">
                {step.verb ? <strong>{step.verb}</strong> : null} {step.path ?? ''}
                {step.status ? ` → ${step.status}` : ''}
              </dd>
            </div>
          )}
          {source && (
            <div>
              <dt className="visually-hidden">{t('narration.facts.source')}</dt>
              <dd className="mono source">
                <a href={source.href} target="_blank" rel="noreferrer noopener" data-testid="step-source">
                  {source.path}
                </a>
              </dd>
            </div>
          )}
          <div>
            <dt className="visually-hidden">{t('narration.facts.time')}</dt>
            <dd className="mono">t = {formatVirtualTime(step.at)}</dd>
          </div>
        </dl>
      )}
      {step && typeof step.say.params.rules === 'string' && (
        <details className="iptables-rules" data-testid="iptables-rules">
          <summary>{t('narration.iptables', { node: String(step.say.params.node ?? '') })}</summary>
          <pre className="mono">{step.say.params.rules}</pre>
        </details>
      )}
    </section>
  );
});
