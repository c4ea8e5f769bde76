import type { AppStatus } from '../../../../shared/api/types';
import { ConsultationForm } from './ConsultationForm';
import { ConsultationList } from './ConsultationList';

/** #/consultations, #/consultations/new[/CLIENT_ID], #/consultations/ID */
export function ConsultationsSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [id, sub] = parts;
  if (!id) return <ConsultationList />;
  if (id === 'new') return <ConsultationForm key={`new-${sub ?? ''}`} clientId={sub} status={status} />;
  return <ConsultationForm key={id} id={id} status={status} />;
}
