import type { ReactNode } from 'react';

/** The title of a screen (the h1 the shell focuses), an optional way back, and the screen's actions. */
export function PageHeader({ title, back, actions, subtitle }: { title: string; back?: { href: string; label: string }; actions?: ReactNode; subtitle?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header__titles">
        {back && (
          <a className="page-header__back" href={back.href}>
            ← {back.label}
          </a>
        )}
        <h1 id="section-title">{title}</h1>
        {subtitle && <div className="page-header__subtitle muted">{subtitle}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
