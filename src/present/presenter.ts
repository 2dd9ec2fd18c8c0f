/**
 * Presenter mode: the diagram full screen with the narration as subtitles,
 * driven by a presentation remote (PageDown/PageUp, `b` and `.` to blank
 * as slide software does), with a speaker-notes window kept in step over a
 * BroadcastChannel.
 */
import { create } from 'zustand';

export interface PresenterState {
  on: boolean;
  /** The screen is black (a remote's "blank" key), the presentation goes on behind it. */
  blank: boolean;
  /** A notes window was opened from this tab: keep it told. */
  notesOpen: boolean;
  start(): void;
  stop(): void;
  toggleBlank(): void;
  openNotes(): void;
}

/** One presentation per tab: the notes window talks on this tab's channel only. */
export const SESSION =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}${Math.floor(performance.now()).toString(36)}`;

export const channelName = (session: string): string => `podflow-present-${session}`;

/** Whether the page went full screen for us: leaving full screen (Esc in the browser) then leaves presenter mode. */
let wentFullscreen = false;

function enterFullscreen(): void {
  const root = typeof document === 'undefined' ? null : document.documentElement;
  if (!root?.requestFullscreen) return; // The presenter view fills the window instead.
  root.requestFullscreen().then(
    () => {
      wentFullscreen = true;
    },
    () => undefined,
  );
}

function leaveFullscreen(): void {
  wentFullscreen = false;
  if (typeof document !== 'undefined' && document.fullscreenElement)
    void document.exitFullscreen().catch(() => undefined);
}

export const usePresenter = create<PresenterState>()((set, get) => ({
  on: false,
  blank: false,
  notesOpen: false,
  start() {
    if (get().on) return;
    set({ on: true, blank: false });
    enterFullscreen();
  },
  stop() {
    if (!get().on) return;
    set({ on: false, blank: false });
    leaveFullscreen();
  },
  toggleBlank() {
    if (get().on) set({ blank: !get().blank });
  },
  openNotes() {
    const url = new URL(location.href);
    url.search = `?notes=1&session=${encodeURIComponent(SESSION)}`;
    url.hash = '';
    window.open(url.toString(), `podflow-notes-${SESSION}`, 'popup,width=720,height=520');
    set({ notesOpen: true });
  },
}));

if (typeof document !== 'undefined') {
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && wentFullscreen) {
      wentFullscreen = false;
      usePresenter.getState().stop();
    }
  });
}

/** What the notes window shows, sent by the presenting tab in its own language. */
export interface NotesState {
  type: 'state';
  language: string;
  cursor: number;
  total: number;
  title: string;
  body: string;
  nextTitle: string | null;
  /** Virtual time of the step, ms; null before the first. */
  at: number | null;
  blank: boolean;
  presenting: boolean;
  /** The presenter's resolved theme, so the notes look the same. */
  theme: 'light' | 'dark';
}

export type NotesCommand = { type: 'hello' } | { type: 'next' } | { type: 'prev' } | { type: 'blank' };

/** Remote keys a presenter uses, by KeyboardEvent.key. */
export const PRESENTER_KEYS: Record<string, 'next' | 'prev' | 'blank' | 'stop'> = {
  PageDown: 'next',
  PageUp: 'prev',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  Escape: 'stop',
};
