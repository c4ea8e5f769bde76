import type { AppStatus } from '../../../../shared/api/types';
import { CaseForm } from './CaseForm';
import { CaseloadScreen } from './CaseloadScreen';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';

/** #/cases, #/cases/caseload, #/cases/new[/CLIENT_ID], #/cases/ID, #/cases/ID/edit */
export function CasesSection({ parts, status }: { parts: string[]; status: AppStatus }) {
  const [id, sub] = parts;
  if (!id) return <CaseList />;
  if (id === 'caseload') return <CaseloadScreen />;
  if (id === 'new') return <CaseForm key={`new-${sub ?? ''}`} clientId={sub} status={status} />;
  if (sub === 'edit') return <CaseForm key={id} id={id} status={status} />;
  return <CasePage key={id} id={id} />;
}
