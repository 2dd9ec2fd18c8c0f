/** Export: the dialog, the renderer and the encoders load on the first click, not with the page. */
import { lazy, Suspense, useState } from 'react';
import { useT } from './useT';

const ExportDialog = lazy(() => import('../export/ExportDialog'));

export function ExportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="export-button">
        {t('export.button')}
      </button>
      {open && (
        <Suspense fallback={<span role="status">{t('export.loading')}</span>}>
          <ExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
