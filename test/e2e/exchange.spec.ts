import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { shot, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, SETUP_NO_CONTACT_POINT, startServer, test, type RunningServer } from './support/fixtures';
import { formatDate } from '../../shared/domain/dates';

// The Exchange screen as the Ombudsman's network uses it, with three installations on three browser-mode
// servers: two contact points (Khujand, in Russian; Isfara, in Tajik) and the hub (in Russian). They pair
// by files, send full packages each way, meet a conflict and resolve it, then send statistics to the hub,
// whose Reports screen counts the woman seen at both contact points once.
//
// Records are typed in through the bridge (the desk has its own tests); everything about the exchange is
// done on the screen: files are saved by the browser's download and chosen in the page's file inputs.

interface Installation {
  name: string;
  lang: Lang;
  page: Page;
}

const KHUJAND = 'Нуқтаи тамоси Хуҷанд';
const ISFARA = 'Нуқтаи тамоси Исфара';
const HUB = 'Дастгоҳи Ваколатдор';

/** One call through the page's loopback bridge, as the interface makes it. */
async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ channel, input }) => {
      // Runs in the page: the bridge token the page keeps for the session.
      const pageStorage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': pageStorage.getItem('legal-aid-bridge-token') ?? '' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { channel, input },
  );
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** A new installation through the set-up screen, in its own browser page, switched to its language. */
async function install(browser: Browser, server: RunningServer, name: string, lang: Lang): Promise<Installation> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.url);
  await page.getByLabel('Номи ин нуқтаи тамос ё гурӯҳ').fill(name);
  await page.getByLabel(SETUP_NO_CONTACT_POINT).check();
  await page.getByLabel('Ному насаби пурраи шумо').fill(ADMIN.name);
  await page.getByLabel('Номи корбарии шумо').fill(ADMIN.username);
  await page.getByLabel('Рамз (на камтар аз 10 аломат)').fill(ADMIN.passphrase);
  await page.getByLabel('Рамзро такрор кунед').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Эҷоди пойгоҳ' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
  return { name, lang, page };
}

async function openExchange(at: Installation): Promise<void> {
  await at.page.getByRole('navigation').getByRole('link', { name: tr(at.lang, 'nav.exchange'), exact: true }).click();
  await expect(at.page.getByRole('heading', { level: 1, name: tr(at.lang, 'exchange.title') })).toBeVisible();
}

/** The installation's own contact point (a statistics package is that contact point's). */
async function ownContactPoint(at: Installation, code: string, name: string, districtId: string): Promise<void> {
  const cp = await api<{ id: string }>(at.page, 'contactPoints:save', { code, name, districtId, establishedOn: '2024-03-01' });
  await api(at.page, 'contactPoints:setOwn', { contactPointId: cp.id });
}

/** `from` saves its pairing file on the Exchange screen; `to` loads it on its own. */
async function pairOneWay(from: Installation, to: Installation, dir: string): Promise<void> {
  await openExchange(from);
  const download = from.page.waitForEvent('download');
  await from.page.getByRole('button', { name: tr(from.lang, 'exchange.savePairing') }).click();
  const file = join(dir, `${from.name}.pair.json`);
  await (await download).saveAs(file);
  await openExchange(to);
  await to.page.getByLabel(tr(to.lang, 'exchange.loadPairing')).setInputFiles(file);
  await expect(to.page.getByTestId('paired-message')).toContainText(from.name);
  await expect(to.page.getByRole('cell', { name: from.name, exact: true })).toBeVisible();
}

async function pair(a: Installation, b: Installation, dir: string): Promise<void> {
  await pairOneWay(a, b, dir);
  await pairOneWay(b, a, dir);
}

/** Makes a package for `to` on `from`'s Exchange screen and returns the saved file. */
async function makePackage(from: Installation, to: Installation, kind: 'full' | 'stats' | 'networkKey', dir: string, period?: { from: string; to: string }): Promise<string> {
  const page = from.page;
  await openExchange(from);
  await page.getByRole('combobox', { name: tr(from.lang, 'exchange.peer'), exact: true }).selectOption({ label: to.name });
  await page.getByRole('combobox', { name: tr(from.lang, 'exchange.kind'), exact: true }).selectOption({ label: tr(from.lang, `exchange.kinds.${kind}`) });
  if (period) {
    await page.getByRole('textbox', { name: tr(from.lang, 'exchange.from'), exact: true }).fill(period.from);
    await page.getByRole('textbox', { name: tr(from.lang, 'exchange.to'), exact: true }).fill(period.to);
    await shot(page, from.lang, 'exchange-stats-period');
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: tr(from.lang, 'exchange.export'), exact: true }).click();
  const saved = await download;
  const file = join(dir, `${Date.now()}-${saved.suggestedFilename()}`);
  await saved.saveAs(file);
  await expect(page.getByTestId('exchange-message')).toBeVisible();
  return file;
}

/** Applies a package file on `at`'s Exchange screen and waits for the line naming its sender. */
async function applyPackage(at: Installation, file: string, sender: string): Promise<void> {
  // The screen opened anew, without the message of an earlier import: the one awaited below is this
  // import's (the app answers other calls while a package merges, so nothing else waits for it).
  await at.page.getByRole('navigation').getByRole('link', { name: tr(at.lang, 'nav.dashboard'), exact: true }).click();
  await openExchange(at);
  await expect(at.page.getByTestId('exchange-message')).toHaveCount(0);
  await at.page.getByLabel(tr(at.lang, 'exchange.importFile'), { exact: true }).setInputFiles(file);
  await expect(at.page.getByTestId('exchange-message')).toContainText(tr(at.lang, 'exchange.imported', { sender }));
}

/** Her husband works in Russia: she is a woman from a migrant household (indicator 1.2.3 b). */
const HOUSEHOLD = { relation: 'wife', migrantSurname: 'Раҳимов', migrantGivenName: 'Фирӯз', country: 'RU', city: 'Москва', departureDate: '2021-03-01' };

interface ClientRecord {
  client: { id: string; notes: string };
}

test('two contact points and the hub: pairing, full packages both ways, a conflict resolved, statistics counted once', async ({ browser }) => {
  test.setTimeout(420_000);
  // One after the other: three servers starting at once on a busy machine can outlast the start timeout.
  const servers = [await startServer(), await startServer(), await startServer()] as const;
  const dir = mkdtempSync(join(tmpdir(), 'lad-exchange-e2e-'));
  try {
    const khujand = await install(browser, servers[0], KHUJAND, 'ru');
    const isfara = await install(browser, servers[1], ISFARA, 'tg');
    const hub = await install(browser, servers[2], HUB, 'ru');

    // The hub's administrator makes the new installation a hub on the Exchange screen.
    await openExchange(hub);
    await hub.page.getByLabel(tr('ru', 'exchange.changeRole')).selectOption('hub');
    await expect(hub.page.getByLabel(tr('ru', 'exchange.changeRole'))).toHaveValue('hub');
    await shot(hub.page, 'ru', 'exchange-hub');

    await ownContactPoint(khujand, 'CP-KHJ', KHUJAND, 'su-khujand');
    await ownContactPoint(isfara, 'CP-ISF', ISFARA, 'su-isfara');
    await pair(khujand, isfara, dir);
    await pair(khujand, hub, dir);
    await pair(isfara, hub, dir);
    await shot(isfara.page, 'tg', 'exchange-paired');

    // Khujand registers a woman and advises her; the full package brings her to Isfara.
    const saved = await api<ClientRecord>(khujand.page, 'clients:save', {
      surname: 'Раҳимова',
      givenName: 'Малика',
      patronymic: 'Ҷамшедовна',
      sex: 'F',
      birthDate: '1990-05-15',
      phones: [{ phone: '+992 93 123 45 67' }],
      household: HOUSEHOLD,
      children: [],
      notes: 'Аввал дар Хуҷанд',
    });
    const clientId = saved.client.id;
    const today = new Date().toISOString().slice(0, 10);
    await api(khujand.page, 'consultations:save', { clientId, date: today, venueKind: 'contact_point', issues: ['alimony'] });
    await applyPackage(isfara, await makePackage(khujand, isfara, 'full', dir), KHUJAND);
    const atIsfara = await api<ClientRecord>(isfara.page, 'clients:get', { id: clientId });
    expect(atIsfara.client.notes).toBe('Аввал дар Хуҷанд');

    // She comes to Isfara too; both contact points correct her notes before they exchange again.
    await api(isfara.page, 'consultations:save', { clientId, date: today, venueKind: 'contact_point', issues: ['alimony', 'birth_certificate'] });
    const edit = async (at: Installation, notes: string) => {
      const { client, phones } = await api<{ client: Record<string, unknown>; phones: Array<{ id: string; phone: string; label: string }> }>(at.page, 'clients:get', { id: clientId });
      await api(at.page, 'clients:save', {
        id: clientId,
        surname: client.surname,
        givenName: client.givenName,
        patronymic: client.patronymic,
        sex: client.sex,
        birthDate: client.birthDate,
        phones: phones.map((p) => ({ id: p.id, phone: p.phone, label: p.label })),
        household: HOUSEHOLD,
        children: [],
        notes,
      });
    };
    await edit(khujand, 'Нишонии нав: Хуҷанд, кӯчаи Ленин 5');
    await edit(isfara, 'Нишонии нав: Исфара, кӯчаи Сомонӣ 12');

    // Isfara's package reaches Khujand, then Khujand's reaches Isfara: both end with the same notes, and the
    // value that lost the merge waits in the conflict queue of the side whose change lost.
    await applyPackage(khujand, await makePackage(isfara, khujand, 'full', dir), ISFARA);
    await applyPackage(isfara, await makePackage(khujand, isfara, 'full', dir), KHUJAND);
    const notesAt = async (at: Installation) => (await api<ClientRecord>(at.page, 'clients:get', { id: clientId })).client.notes;
    const winner = await notesAt(khujand);
    expect(await notesAt(isfara)).toBe(winner);
    const loser = winner.includes('Исфара') ? 'Нишонии нав: Хуҷанд, кӯчаи Ленин 5' : 'Нишонии нав: Исфара, кӯчаи Сомонӣ 12';

    const withConflict = (await api<unknown[]>(khujand.page, 'exchange:conflicts', { includeResolved: false })).length ? khujand : isfara;
    const other = withConflict === khujand ? isfara : khujand;
    await openExchange(withConflict);
    const row = withConflict.page.getByRole('row').filter({ hasText: loser });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell', { name: winner, exact: true })).toBeVisible();
    // What the record and the field are, in the user's words, not the table's and column's names.
    const kind = tr(withConflict.lang, 'security.audit.entities.clients');
    await expect(row.getByRole('cell').first()).toContainText(kind.charAt(0).toLocaleUpperCase(withConflict.lang) + kind.slice(1));
    await expect(row.getByRole('cell', { name: tr(withConflict.lang, 'clients.mergeFields.notes'), exact: true })).toBeVisible();
    await expect(row).not.toContainText(/clients|notes/);
    await expect(row.getByRole('link')).toHaveAttribute('href', `#/clients/${clientId}`);
    await shot(withConflict.page, withConflict.lang, 'exchange-conflict');
    // The lawyer knows the losing address is the right one: swap, and the next package carries it over.
    await row.getByRole('button', { name: tr(withConflict.lang, 'exchange.swap') }).click();
    await expect(withConflict.page.getByText(tr(withConflict.lang, 'exchange.noConflicts'))).toBeVisible();
    expect(await notesAt(withConflict)).toBe(loser);
    await applyPackage(other, await makePackage(withConflict, other, 'full', dir), withConflict.name);
    expect(await notesAt(other)).toBe(loser);

    // Statistics for this year to the hub from both contact points (Isfara has the network secret from
    // Khujand once Khujand has made it: Khujand sends first, then its network key).
    const year = { from: `01.01.${today.slice(0, 4)}`, to: formatDate(today) };
    // A period that ends before it starts makes no package, and says so next to its end.
    await openExchange(khujand);
    await khujand.page.getByRole('combobox', { name: tr(khujand.lang, 'exchange.peer'), exact: true }).selectOption({ label: hub.name });
    await khujand.page.getByRole('textbox', { name: tr(khujand.lang, 'exchange.from'), exact: true }).fill(year.from);
    await khujand.page.getByRole('textbox', { name: tr(khujand.lang, 'exchange.to'), exact: true }).fill(`31.12.${Number(today.slice(0, 4)) - 1}`);
    await khujand.page.getByRole('button', { name: tr(khujand.lang, 'exchange.export'), exact: true }).click();
    await expect(khujand.page.getByText(tr(khujand.lang, 'validation.dateOrder'))).toBeVisible();
    await applyPackage(hub, await makePackage(khujand, hub, 'stats', dir, year), KHUJAND);
    await applyPackage(isfara, await makePackage(khujand, isfara, 'networkKey', dir), KHUJAND);
    await applyPackage(hub, await makePackage(isfara, hub, 'stats', dir, year), ISFARA);
    await openExchange(hub);
    await shot(hub.page, 'ru', 'exchange-hub-submissions');

    // The hub's report for this year: one woman (seen at both contact points), two consultations.
    await hub.page.getByRole('navigation').getByRole('link', { name: tr('ru', 'nav.reports'), exact: true }).click();
    await hub.page.getByLabel(tr('ru', 'reports.periodKindLabel'), { exact: true }).selectOption('year');
    await hub.page.getByLabel(tr('ru', 'reports.year'), { exact: true }).selectOption(today.slice(0, 4));
    await hub.page.getByRole('button', { name: tr('ru', 'reports.show') }).click();
    const value = (row: string) => hub.page.locator(`tr[data-row="${row}"] td`);
    await expect(value('contactPointsOperating')).toHaveText('2');
    await expect(value('women123')).toHaveText('1');
    await expect(value('consultations123')).toHaveText('2');
    await shot(hub.page, 'ru', 'exchange-hub-report');

    // Both offices register a new contact point by hand under the same code: Isfara refuses Khujand's
    // next package and says which record, which field and which code, so that one of them changes it.
    await api(khujand.page, 'contactPoints:save', { code: 'CP-PNJ', name: 'Панҷакент', districtId: 'su-panjakent', establishedOn: '2024-05-01' });
    await api(isfara.page, 'contactPoints:save', { code: 'CP-PNJ', name: 'Нуқтаи Панҷакент', districtId: 'su-panjakent', establishedOn: '2024-05-02' });
    const clashing = await makePackage(khujand, isfara, 'full', dir);
    await isfara.page.getByRole('navigation').getByRole('link', { name: tr('tg', 'nav.dashboard'), exact: true }).click();
    await openExchange(isfara);
    await isfara.page.getByLabel(tr('tg', 'exchange.importFile'), { exact: true }).setInputFiles(clashing);
    const refusal = isfara.page.getByRole('alert');
    await expect(refusal).toContainText(tr('tg', 'exchange.refused.uniqueClash'));
    await expect(refusal).toContainText(tr('tg', 'exchange.clashWhere', { record: 'Нуқтаи тамос', field: tr('tg', 'contactPoints.code'), value: 'CP-PNJ' }));
    await shot(isfara.page, 'tg', 'exchange-refused-clash');
  } finally {
    for (const s of servers) s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
