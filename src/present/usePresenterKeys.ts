/**
 * The presenter's keys: `p` starts presenter mode; while presenting,
 * PageDown/PageUp step (what a presentation remote sends), `b` and `.`
 * blank the screen, Escape leaves. Keys typed into a field stay there.
 * The notes window of this tab is kept told over a BroadcastChannel, and
 * its buttons drive the presentation.
 */
import { useEffect } from 'react';
import { ownsKey } from '../panels/keys';
import { usePlayer } from '../store/store';
import { notesStateOf, parseNotesCommand } from './notes-state';
import { channelName, PRESENTER_KEYS, SESSION, usePresenter } from './presenter';

export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || ownsKey(e.target, e.key)) return;
      const p = usePresenter.getState();
      if (!p.on) {
        // Not from inside a dialog (Export, Embed): presenting would pull the page from under it.
        if ((e.key === 'p' || e.key === 'P') && !document.querySelector('dialog[open]')) {
          e.preventDefault();
          p.start();
        }
        return;
      }
      const action = PRESENTER_KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      if (action === 'next') usePlayer.getState().next();
      else if (action === 'prev') usePlayer.getState().prev();
      else if (action === 'blank') p.toggleBlank();
      else p.stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function usePresenterChannel(): void {
  const notesOpen = usePresenter((s) => s.notesOpen);
  useEffect(() => {
    if (!notesOpen || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(SESSION));
    const tell = (): void => {
      const p = usePresenter.getState();
      const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
      // A BroadcastChannel reaches same-origin pages only: it takes no target origin.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      channel.postMessage(notesStateOf(usePlayer.getState(), p.blank, p.on, theme));
    };
    channel.addEventListener('message', (e: MessageEvent) => {
      const cmd = parseNotesCommand(e.data);
      if (!cmd) return;
      if (cmd.type === 'next') usePlayer.getState().next();
      else if (cmd.type === 'prev') usePlayer.getState().prev();
      else if (cmd.type === 'blank') usePresenter.getState().toggleBlank();
      else tell();
    });
    const offPlayer = usePlayer.subscribe((s, before) => {
      if (s.cursor !== before.cursor || s.visible !== before.visible || s.language !== before.language) tell();
    });
    const offPresenter = usePresenter.subscribe(tell);
    tell();
    return () => {
      offPlayer();
      offPresenter();
      channel.close();
    };
  }, [notesOpen]);
}
