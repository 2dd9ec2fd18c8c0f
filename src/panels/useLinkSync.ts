/**
 * Keeps the URL fragment in step with the view (so the address bar is always
 * a link to this moment), and opens a link pasted into the same tab.
 */
import { useEffect } from 'react';
import { useEditor } from '../editor/draft';
import { loadYamlReader, readManifests } from '../manifest/reader';
import { readLink, writeLink, type View } from '../store/link';
import { inspectLink, openInspectLink, useInspect } from '../store/inspect';
import { firstRun, usePlayer, type PlayerState } from '../store/store';
import { useMainView } from '../store/main-view';

/** The address bar need not follow every step at once. */
const WRITE_EVERY_MS = 250;

export function viewOf(s: PlayerState, side = useInspect.getState(), mainView = useMainView.getState().view): View {
  const inspect = inspectLink(side);
  return {
    scenario: s.scenario,
    step: s.cursor,
    level: s.level,
    speed: s.speed,
    language: s.language,
    theme: s.theme,
    loop: s.loop,
    ...(s.custom && s.customYaml !== null ? { yaml: s.customYaml } : {}),
    ...(s.clusterDraft ? { cluster: s.clusterDraft } : {}),
    ...(s.branch >= 0 && s.branches[s.branch] ? { whatIf: s.branches[s.branch]!.whatIf } : {}),
    ...(inspect ? { inspect } : {}),
    ...(mainView !== 'diagram' ? { main: mainView } : {}),
    ...(s.seed !== 1 ? { seed: s.seed } : {}),
    ...(s.range ? { from: s.range.from, to: s.range.to } : {}),
    ...(s.prompt.length ? { cmds: s.prompt } : {}),
  };
}

export function useLinkSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let written = location.hash;
    const write = (): void => {
      timer = undefined;
      const hash = writeLink(viewOf(usePlayer.getState()));
      if (hash === written) return;
      written = hash;
      history.replaceState(history.state, '', hash);
    };
    // Not while playing: each history.replaceState costs 1–2 ms in Chromium (it re-checks the favicon
    // too), the largest script cost of playback. Pausing writes the link within 250 ms.
    let stopped = false;
    const later = (): void => {
      if (usePlayer.getState().playing || timer !== undefined) return;
      timer = setTimeout(write, WRITE_EVERY_MS);
    };
    const unsubscribe = usePlayer.subscribe(later);
    const unsubscribeSide = useInspect.subscribe(later);
    const unsubscribeMain = useMainView.subscribe(later);
    const openHash = (hash: string): void => {
      const { view } = readLink(hash);
      // Another seed means other runs from the start: open the page afresh.
      if ((view.seed ?? 1) !== usePlayer.getState().seed) return location.reload();
      usePlayer.getState().openView(view);
      if (view.inspect) openInspectLink(view.inspect);
      useMainView.getState().setView(view.main ?? 'diagram');
      if (view.yaml !== undefined && readManifests(view.yaml).ok) useEditor.getState().adoptFromLink(view.yaml);
    };
    const onHashChange = (): void => {
      if (location.hash === written) return;
      written = location.hash;
      // A pasted link may carry YAML or commands to read: once the reader is here (in order, a promise keeps it).
      const hash = location.hash;
      void loadYamlReader().then(() => !stopped && openHash(hash));
    };
    window.addEventListener('hashchange', onHashChange);
    // The side column the link names, and YAML that came with it (into the editor, the learner's own text kept aside).
    const opened = readLink(location.hash).view;
    if (opened.inspect) openInspectLink(opened.inspect);
    const linked = opened.yaml;
    if (linked !== undefined && readManifests(linked).ok) useEditor.getState().adoptFromLink(linked);
    // Once the first run is there: before it, the step the link names is not on screen yet.
    void firstRun().then(() => !stopped && write());
    return () => {
      stopped = true;
      unsubscribe();
      unsubscribeSide();
      unsubscribeMain();
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}
