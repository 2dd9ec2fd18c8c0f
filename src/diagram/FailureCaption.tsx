/**
 * Where the flow stops, in words the diagram's zoom never shrinks: the
 * component that refused or failed, its short reason and the real message.
 * It shows the latest failure that holds at the cursor, and nothing when none does.
 */
import { memo } from 'react';
import { useT } from '../panels/useT';
import { currentSeq, usePlayer } from '../store/store';
import { latestFailure } from './failures';

export const FailureCaption = memo(function FailureCaption() {
  const t = useT();
  const failure = usePlayer((s) => latestFailure(s.trace, currentSeq(s)));
  if (!failure) return null;
  const [kind, node] = failure.component.split('/') as [string, string | undefined];
  const name = t(`component.${kind}`);
  return (
    <div className="failure-caption" data-testid="failure-caption" data-component={failure.component}>
      <div className="failure-caption-head">
        <span aria-hidden="true">✕ </span>
        {t('failure.where', { component: node ? t('failure.onNode', { component: name, node }) : name })}
        <span className="failure-caption-reason">{failure.reason}</span>
      </div>
      <div className="failure-caption-message" title={failure.message}>
        {failure.message}
      </div>
    </div>
  );
});
