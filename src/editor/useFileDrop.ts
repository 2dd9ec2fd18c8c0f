/**
 * A file dropped anywhere on the page opens in the YAML editor. Only drags
 * that carry files are taken; anything else behaves as before.
 */
import { useEffect, useState } from 'react';
import { openFile } from './draft';

const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** Whether a file is being dragged over the page (to show where it goes). */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      setOver(true);
    };
    const onLeave = (e: DragEvent): void => {
      // Leaving the window: relatedTarget is null.
      if (!e.relatedTarget) setOver(false);
    };
    const onDrop = (e: DragEvent): void => {
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}
