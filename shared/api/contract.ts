import { z } from 'zod';
import { LANGUAGES } from '../domain/enums';
import type { Permission } from '../domain/permissions';
import type { ChannelName } from './channels';
import type { AppStatus, RegionRef } from './types';
import { passphrase, requiredText, username } from './validation';

// The one typed API of the app: channel `area:verb` → zod input schema, output type, and who may call
// it. Main parses every argument as `unknown` with the schema; the renderer gets the types.
// `access: 'public'` channels work before the database is unlocked; everything else needs a session
// and the named permission.

type Access = 'public' | 'session' | Permission;

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: the output type, never read at run time. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}

const empty = z.object({}).strict();
const languageSchema = z.enum(LANGUAGES);

export const contract = {
  'app:status': channel<AppStatus>()(empty, 'public'),

  'prefs:setLanguage': channel<{ language: z.infer<typeof languageSchema> }>()(
    z.object({ language: languageSchema }).strict(),
    'public',
  ),

  'session:create': channel<AppStatus>()(
    z
      .object({
        username,
        displayName: requiredText(120),
        passphrase,
        passphraseConfirm: z.string(),
        installationName: requiredText(120),
      })
      .strict()
      .refine((v) => v.passphrase === v.passphraseConfirm, { message: 'passphraseMismatch', path: ['passphraseConfirm'] }),
    'public',
  ),
  'session:unlock': channel<AppStatus>()(
    z.object({ username, passphrase: z.string().min(1, { message: 'required' }).max(1024) }).strict(),
    'public',
  ),
  'session:lock': channel<AppStatus>()(empty, 'public'),

  'reference:regions': channel<RegionRef[]>()(empty, 'public'),
} as const satisfies Record<ChannelName, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type { ChannelName };
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export { CHANNEL_NAMES as CHANNELS } from './channels';

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
