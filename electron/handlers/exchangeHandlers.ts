import { acknowledgeWitnessAlert, listWitnessAlerts } from '../exchange/auditWitness';
import { listConflicts, resolveConflict } from '../exchange/conflicts';
import { runDbJob } from '../app/dbJobs';
import { exportPackage } from '../exchange/exchangeService';
import { describeHubPostgres, importStatsToPostgres } from '../exchange/hubPostgres';
import { hubView, listSubmissions } from '../exchange/hubStore';
import { hubPostgresFor } from '../exchange/hubStoreSession';
import { endNetworkTransition, importPairing, listPeers, pairingFile, readIdentity, replaceNetworkSecret, unpairPeer } from '../exchange/identity';
import { changeInstallation } from '../services/installation';
import type { ExchangeProgress } from '../../shared/api/exchangeTypes';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

// Exchange by files: identity and pairing, packages to and from peers, the conflict queue and
// the hub's list of submissions. The logic lives in electron/exchange; these are thin adapters.

/** Progress of the import running now (one at a time per app), read by the screen while it waits. */
const progress: ExchangeProgress = { active: false, done: 0, total: 0 };

export const exchangeHandlers: HandlerMap<
  | 'exchange:identity'
  | 'exchange:setRole'
  | 'exchange:pairingFile'
  | 'exchange:importPairing'
  | 'exchange:peers'
  | 'exchange:unpair'
  | 'exchange:exportPackage'
  | 'exchange:importPackage'
  | 'exchange:progress'
  | 'exchange:conflicts'
  | 'exchange:resolveConflict'
  | 'exchange:auditAlerts'
  | 'exchange:acknowledgeAuditAlert'
  | 'exchange:networkSecret'
  | 'hub:submissions'
> = {
  'exchange:identity': async (_input, { app }) => readIdentity(app.requireUnlocked().db),
  'exchange:setRole': async ({ role }, { app }) => {
    await changeInstallation(app.requireUnlocked(), { role });
    return readIdentity(app.requireUnlocked().db);
  },
  'exchange:networkSecret': async ({ action }, { app }) => {
    await withWrite(app, (ctx) => (action === 'replace' ? replaceNetworkSecret(ctx).then(() => undefined) : endNetworkTransition(ctx)));
    return readIdentity(app.requireUnlocked().db);
  },
  'exchange:pairingFile': async (_input, { app }) => pairingFile(app.requireUnlocked().db),
  'exchange:importPairing': async ({ json }, { app }) => withWrite(app, (ctx) => importPairing(ctx, json)),
  'exchange:peers': async (_input, { app }) => listPeers(app.requireUnlocked().db),
  'exchange:unpair': async ({ installationId }, { app }) => {
    await withWrite(app, (ctx) => unpairPeer(ctx, installationId));
    return listPeers(app.requireUnlocked().db);
  },
  'exchange:exportPackage': async ({ peerId, kind, from, to, withAttachments }, { app }) => {
    const unlocked = app.requireUnlocked();
    // A full package reads every change the peer lacks (a national year: seconds) in the job worker;
    // the small statistics and network-key packages are made here.
    const { content, fileName, packageId, counts } =
      kind === 'full'
        ? await runDbJob(unlocked, 'exportPackage', { peerId, kind, withAttachments: withAttachments === true })
        : await exportPackage(unlocked, peerId, { kind, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return { ...app.files.deliver({ fileName, mimeType: 'application/octet-stream', bytes }), packageId, counts };
  },
  'exchange:importPackage': async ({ file }, { app }) => {
    const unlocked = app.requireUnlocked();
    // A package picked in main's dialog is read as a stream from its path, never whole into memory.
    const source = 'token' in file ? app.files.pathOf(file.token, 'package') : Buffer.from(file.base64, 'base64');
    Object.assign(progress, { active: true, done: 0, total: 0 });
    try {
      // A hub whose statistics are in PostgreSQL (Settings) stores them there; it names the store after itself.
      const pg = await hubPostgresFor(app);
      if (pg) {
        await describeHubPostgres(pg, unlocked.installation.id, unlocked.installation.name);
        return await importStatsToPostgres(unlocked, pg, source);
      }
      // Merged in the job worker: the app goes on answering searches and lists meanwhile.
      return await runDbJob(unlocked, 'importPackage', { file: source }, (done, total) => Object.assign(progress, { done, total }));
    } finally {
      progress.active = false;
    }
  },
  'exchange:progress': async () => ({ ...progress }),
  'exchange:auditAlerts': async ({ includeAcknowledged }, { app }) => listWitnessAlerts(app.requireUnlocked().db, includeAcknowledged),
  'exchange:acknowledgeAuditAlert': async ({ id }, { app }) => {
    const s = app.requireUnlocked();
    await s.db.transaction().execute((trx) => acknowledgeWitnessAlert(trx, s.user, id, new Date().toISOString()));
    return listWitnessAlerts(s.db, false);
  },
  'exchange:conflicts': async ({ includeResolved }, { app }) => listConflicts(app.requireUnlocked().db, includeResolved),
  'exchange:resolveConflict': async ({ id, action }, { app }) => {
    await withWrite(app, (ctx) => resolveConflict(ctx, id, action, new Date().toISOString()));
    return listConflicts(app.requireUnlocked().db, false);
  },
  'hub:submissions': async (_input, { app }) => {
    const db = app.requireUnlocked().db;
    const peers = await listPeers(db);
    return listSubmissions((await hubPostgresFor(app)) ?? hubView(db), new Map(peers.map((p) => [p.installationId, p.name])));
  },
};
