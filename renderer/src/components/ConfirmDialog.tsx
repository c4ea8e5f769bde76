import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** Room for two records side by side. */
  wide?: boolean;
  /** Enter in a one-line field confirms, as it saves a form (dialogs that are small forms). */
  enterConfirms?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question (native <dialog>: focus stays inside, Escape cancels, focus returns afterwards). */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, wide, enterConfirms, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--compare' : 'dialog'}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        // Buttons, choices and text areas keep their own Enter.
        const target = e.target as HTMLElement;
        if (!enterConfirms || e.key !== 'Enter' || busy || !(target instanceof HTMLInputElement) || ['checkbox', 'radio', 'button'].includes(target.type)) return;
        e.preventDefault();
        onConfirm();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
