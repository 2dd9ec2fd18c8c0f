/**
 * Share: the address bar already holds a link to this moment (useLinkSync);
 * the button copies it. Where the clipboard is not allowed (a page opened
 * over plain http, some embeds) the link is shown, selected, to copy by hand.
 */
import { useState } from 'react';
import { MAX_LINK_CHARS, writeLink } from '../store/link';
import { usePlayer } from '../store/store';
import { viewOf } from './useLinkSync';
import { useT } from './useT';

export function ShareButton() {
  const t = useT();
  const [state, setState] = useState<{ copied: boolean; manual?: string; tooLong?: number }>({ copied: false });
  const share = (): void => {
    const url = new URL(location.href);
    url.hash = writeLink(viewOf(usePlayer.getState()));
    // A link that the app itself would refuse is not worth copying: say so instead.
    if (url.hash.length > MAX_LINK_CHARS) return setState({ copied: false, tooLong: url.hash.length });
    const link = url.toString();
    const copy = navigator.clipboard?.writeText(link) ?? Promise.reject(new Error('no clipboard'));
    copy.then(
      () => setState({ copied: true }),
      () => setState({ copied: false, manual: link }),
    );
  };
  return (
    <div className="share">
      <button type="button" onClick={share} title={t('share.title')} data-testid="share">
        {t('share.button')}
      </button>
      <span role="status" className="share-status" data-testid="share-status">
        {state.copied
          ? t('share.copied')
          : state.tooLong
            ? t('share.tooLong', { size: state.tooLong, max: MAX_LINK_CHARS })
            : ''}
      </span>
      {state.manual && (
        <input
          className="share-manual mono"
          readOnly
          value={state.manual}
          aria-label={t('share.copyThis')}
          data-testid="share-link"
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- the one thing to do next is copy it
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setState({ copied: false })}
        />
      )}
    </div>
  );
}
