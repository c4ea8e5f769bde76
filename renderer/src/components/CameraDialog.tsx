import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CameraDialogProps {
  open: boolean;
  onCapture: (photo: { name: string; base64: string }) => void;
  onClose: () => void;
}

/** Why the camera could not start, as the user can act on it. */
type CameraFailure = 'cameraDenied' | 'cameraMissing' | 'cameraBusy' | 'cameraUnavailable';

/** getUserMedia's refusal (a DOMException by name) as the message that says what to do. */
function cameraFailure(error: unknown): CameraFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'cameraDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'cameraMissing';
  if (name === 'NotReadableError') return 'cameraBusy';
  return 'cameraUnavailable';
}

/** "camera-20261203-171502.jpg": the moment, never a name. */
function photoName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `camera-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.jpg`;
}

/**
 * The laptop's camera inside the app (getUserMedia, video only): the picture stays in the page until it
 * is taken, then goes to the app like a picked file. The camera is switched off when the dialog closes.
 */
export function CameraDialog({ open, onCapture, onClose }: CameraDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<CameraFailure | null>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) return undefined;
    let cancelled = false;
    setFailed(null);
    setReady(false);
    (async () => {
      try {
        // No mediaDevices at all (a page the browser does not trust with devices): no camera to offer.
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('No media devices', 'NotFoundError');
        const media = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false });
        if (cancelled) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = media;
        if (video.current) {
          video.current.srcObject = media;
          await video.current.play();
        }
        setReady(true);
      } catch (e) {
        if (!cancelled) setFailed(cameraFailure(e));
      }
    })();
    return () => {
      cancelled = true;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
  }, [open]);

  function capture() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    const base64 = canvas.toDataURL('image/jpeg', 0.92).replace(/^data:[^,]*,/, '');
    onCapture({ name: photoName(), base64 });
  }

  return (
    <dialog
      ref={ref}
      className="dialog camera-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('documents.camera')}</h2>
      {failed ? (
        <p role="alert" className="field__error" id={`${id}-error`}>
          {t(`documents.${failed}`)}
        </p>
      ) : (
        <video ref={video} className="camera-dialog__video" aria-label={t('documents.cameraPreview')} muted playsInline />
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!ready || failed !== null} aria-describedby={failed ? `${id}-error` : undefined} onClick={capture}>
          {t('documents.capture')}
        </button>
        <button type="button" onClick={onClose}>
          {t('documents.closeCamera')}
        </button>
      </div>
    </dialog>
  );
}
