import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { LANGUAGES } from '../../shared/domain/enums';
import { auditActionKey, auditEntityKey } from '../../shared/i18n/auditWords';
import { translate } from '../../shared/i18n/index';

// The audit list shows words: every action the app writes and everything an entry can be about has a
// label in every language (a new audit action without words fails here, not on an administrator's screen).

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const root = join(__dirname, '../..');
const code = [...sources(join(root, 'electron')), ...sources(join(root, 'db'))].map((f) => readFileSync(f, 'utf8')).join('\n');

// audit(ctx, …), audit(ctx(trx), …), w.audit(…): the call and its first argument when there is one.
const FIRST = String.raw`\baudit\(\s*(?:\w+(?:\(\w*\))?,\s*)?`;
// 'x' or cond ? 'x' : 'y'.
const ACTION = String.raw`(?:[\w.]+\s*\?\s*)?'([\w.]+)'(?:\s*:\s*'([\w.]+)')?`;

/** Action names as the code writes them: audit(ctx, 'x' …), w.audit('x' …), action: 'x', action: c ? 'x' : 'y'. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(new RegExp(`${FIRST}${ACTION}`, 'g'))) [m[1], m[2]].forEach((a) => a && found.add(a));
  for (const m of code.matchAll(/\baction:\s*(?:[\w.]+\s*\?\s*)?'([\w.]+)'(?:\s*:\s*'([\w.]+)')?\s*,/g)) [m[1], m[2]].forEach((a) => a && found.add(a));
  return [...found].sort();
}

/** What entries are about: the tables named in audit calls and every channel's group (reads and refusals name a channel). */
function writtenEntities(): string[] {
  const found = new Set<string>(['cli']);
  for (const m of code.matchAll(new RegExp(`${FIRST}${ACTION},\\s*'([a-z_]+)'`, 'g'))) found.add(m[3]!);
  for (const m of code.matchAll(/\bentity:\s*'([a-z_]+)'/g)) found.add(m[1]!);
  for (const channel of Object.keys(contract)) found.add(channel.split(':')[0]!);
  return [...found].sort();
}

describe('audit words', () => {
  it('finds the actions the code writes', () => {
    const actions = writtenActions();
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'client.merge', 'view', 'read', 'access.denied', 'user.enable', 'user.disable']));
    expect(writtenEntities()).toEqual(expect.arrayContaining(['clients', 'users', 'cases', 'reports']));
  });

  for (const lang of LANGUAGES) {
    it(`${lang} has words for every action and every kind of record`, () => {
      const missing = [
        ...writtenActions().filter((a) => translate(lang, auditActionKey(a)) === auditActionKey(a)),
        ...writtenEntities().filter((e) => translate(lang, auditEntityKey(e)) === auditEntityKey(e)),
      ];
      expect(missing).toEqual([]);
    });
  }

  it('names a read of a list by its channel group, in words', () => {
    expect(translate('tg', auditEntityKey('clients:list'))).toBe('мизоҷ');
    expect(translate('ru', auditActionKey('user.create'))).toBe('Создан пользователь');
  });
});
