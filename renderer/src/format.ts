import { formatDate } from '../../shared/domain/dates';

export { formatDate };

/** "Surname Given Patronymic" without double spaces when a part is missing. */
export function fullName(p: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].filter(Boolean).join(' ');
}
