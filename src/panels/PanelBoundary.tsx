/**
 * A failure in one panel stays in that panel: it shows what went wrong and a
 * Retry, while the rest of the page keeps working. The edited YAML lives in
 * its own store and in localStorage, so no panel's failure can lose it.
 */
import { Component, type ReactNode } from 'react';
import { translator } from '../i18n';
import { usePlayer } from '../store/store';

interface Props {
  /** Which panel, for the message (a catalog key under `panel.`). */
  name: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Outside the failed tree, and without hooks: the boundary must render whatever broke.
    const t = translator(usePlayer.getState().language);
    return (
      <div className="panel-error" role="alert" data-testid={`panel-error-${this.props.name}`}>
        <p>{t('panel.failed', { panel: t(`panel.${this.props.name}`) })}</p>
        <p className="mono">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('panel.retry')}
        </button>
      </div>
    );
  }
}
