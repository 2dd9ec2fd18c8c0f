/**
 * Keeps the URL fragment in step with the view (so the address bar is always
 * a link to this moment), and opens a link pasted into the same tab.
 */
import { useEffect } from 'react';
import { useEditor } from '../editor/draft';
import { loadManifests } from '../manifest/load';
import { readLink, writeLink, type View } from '../store/link';
import { usePlayer, type PlayerState } from '../store/store';

/** The address bar need not follow every frame of playback. */
const WRITE_EVERY_MS = 250;

export function viewOf(s: PlayerState): View {
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
    const unsubscribe = usePlayer.subscribe(() => {
      timer ??= setTimeout(write, WRITE_EVERY_MS);
    });
    const onHashChange = (): void => {
      if (location.hash === written) return;
      written = location.hash;
      const { view } = readLink(location.hash);
      usePlayer.getState().openView(view);
      if (view.yaml !== undefined && loadManifests(view.yaml).ok) useEditor.getState().adoptFromLink(view.yaml);
    };
    window.addEventListener('hashchange', onHashChange);
    // YAML that came with the link goes into the editor, the learner's own text kept aside.
    const linked = readLink(location.hash).view.yaml;
    if (linked !== undefined && loadManifests(linked).ok) useEditor.getState().adoptFromLink(linked);
    write();
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}
