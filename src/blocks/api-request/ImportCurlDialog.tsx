import type { ApiRequestConfig } from '../../domain/request/ApiRequestConfig';
import { Modal, primaryButton, secondaryButton } from '../../components/Modal';
import { CurlBox } from './CurlBox';
import { useCurlImport } from './useCurlImport';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
  onImported(request: ApiRequestConfig, warnings: string[]): void;
}

/** Import from cURL beside the URL: replaces the whole request, after saying so (and Undo brings it back). */
export function ImportCurlDialog({ open, onOpenChange, onImported }: Props) {
  const curl = useCurlImport((request, warnings) => {
    onImported(request, warnings);
    onOpenChange(false);
  });
  return (
    <Modal
      title="Import from cURL"
      description="This replaces the method, URL, query parameters, headers and body of this block. Advanced Settings stay as they are; Undo brings the old request back."
      open={open}
      onOpenChange={onOpenChange}
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="button" className={primaryButton} disabled={!curl.text.trim() || curl.busy} onClick={curl.run}>
            {curl.busy ? 'Importing…' : 'Replace request'}
          </button>
        </>
      }
    >
      <CurlBox text={curl.text} setText={curl.setText} error={curl.error} onSubmit={curl.run} />
    </Modal>
  );
}
