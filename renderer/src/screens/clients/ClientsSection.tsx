import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';

/** #/clients, #/clients/new, #/clients/ID, #/clients/ID/edit */
export function ClientsSection({ parts }: { parts: string[] }) {
  const [id, sub] = parts;
  if (!id) return <ClientList />;
  if (id === 'new') return <ClientForm key="new" />;
  if (sub === 'edit') return <ClientForm key={id} id={id} />;
  return <ClientPage key={id} id={id} />;
}
