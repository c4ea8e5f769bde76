// The words of an audit entry: the log keeps machine names ("user.create", "clients", "clients:list"),
// the screen shows the catalog's words for them (security.audit.actions / security.audit.entities).

/** Catalog key of an action's words. */
export const auditActionKey = (action: string): string => `security.audit.actions.${action}`;

/** Catalog key of what an entry is about: a table ("clients") or a channel or command ("clients:list" → clients, "cli:…" → cli). */
export const auditEntityKey = (entity: string): string => `security.audit.entities.${entity.split(':')[0]}`;
