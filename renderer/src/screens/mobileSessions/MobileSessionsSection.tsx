import type { AppStatus } from '../../../../shared/api/types';
import { DeskScreen } from './DeskScreen';
import { MobileSessionDetailPage } from './MobileSessionDetailPage';
import { MobileSessionForm } from './MobileSessionForm';
import { MobileSessionList } from './MobileSessionList';

/** #/mobileSessions, #/mobileSessions/new, #/mobileSessions/ID, #/mobileSessions/ID/edit, #/mobileSessions/ID/desk */
export function MobileSessionsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [id, sub] = parts;
  if (!id) return <MobileSessionList />;
  if (id === 'new') return <MobileSessionForm key="new" status={status} />;
  if (sub === 'desk') return <DeskScreen key={id} sessionId={id} status={status} />;
  if (sub === 'edit') return <MobileSessionForm key={id} id={id} status={status} />;
  return <MobileSessionDetailPage key={id} id={id} />;
}
