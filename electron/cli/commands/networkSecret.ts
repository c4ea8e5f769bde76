import { endNetworkTransition, networkKeyring, replaceNetworkSecret } from '../../exchange/identity';
import { withWrite } from '../../services/index';
import { flag, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// The network secret that keys the women's pseudonyms in statistics (docs/exchange.md): replaced by an
// administrator at one contact point, then carried to the others in network-key packages.

export const networkSecretCommand: CliCommand = {
  name: 'network-secret',
  summary:
    'replace the network secret (--replace; then send it to every other contact point with export-package --network-key), or end the transition after a replacement (--end-transition: statistics stop naming women under the earlier secret); without either, shows its generation',
  usage: 'network-secret --db FILE [--replace | --end-transition]',
  async run(args: ParsedArgs, out) {
    const replace = flag(args, 'replace');
    const end = flag(args, 'end-transition');
    if (replace && end) throw new UsageError('Give --replace or --end-transition, not both');
    const unlocked = await openForCli(args, { permission: 'settings:manage', command: 'network-secret' });
    try {
      if (replace) {
        const generation = await withWrite(unlocked, (ctx) => replaceNetworkSecret(ctx));
        out(`The network secret was replaced (generation ${generation}). Send it to every other contact point: export-package --network-key.`);
      } else if (end) {
        await withWrite(unlocked, (ctx) => endNetworkTransition(ctx));
        out('The earlier network secrets were forgotten: statistics now name women under the current secret only.');
      }
      const keyring = await networkKeyring(unlocked.db, false);
      out(keyring ? `Generation ${keyring.generation}; earlier secrets kept: ${keyring.earlier.length}.` : 'No network secret yet.');
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
