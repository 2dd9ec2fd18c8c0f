/** What a link that opened this page got wrong, said once, with a way to dismiss it. */
import { usePlayer } from '../store/store';
import { MAX_LINK_CHARS } from '../store/link';
import { useT } from './useT';

export function LinkNotice() {
  const t = useT();
  const problem = usePlayer((s) => s.linkProblem);
  const dismiss = usePlayer((s) => s.dismissLinkProblem);
  if (!problem) return null;
  return (
    <div className="notice" role="alert" data-testid="link-notice">
      <p>
        {problem.tooLong
          ? t('link.tooLong', { max: MAX_LINK_CHARS })
          : t('link.problem', { names: problem.rejected.join(', ') })}
      </p>
      <button type="button" onClick={dismiss}>
        {t('link.dismiss')}
      </button>
    </div>
  );
}
