import type { AppStatus } from '../../../../shared/api/types';
import { DeskScreen } from './DeskScreen';
import { SessionDetail } from './SessionDetail';
import { SessionForm } from './SessionForm';
import { SessionList } from './SessionList';

/** #/mobileSessions, #/mobileSessions/new, #/mobileSessions/ID, #/mobileSessions/ID/edit, #/mobileSessions/ID/desk */
export function MobileSessionsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [id, sub] = parts;
  if (!id) return <SessionList />;
  if (id === 'new') return <SessionForm key="new" status={status} />;
  if (sub === 'desk') return <DeskScreen key={id} sessionId={id} status={status} />;
  if (sub === 'edit') return <SessionForm key={id} id={id} status={status} />;
  return <SessionDetail key={id} id={id} />;
}
