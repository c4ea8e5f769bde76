// The names of every API channel, with no dependencies, so the sandboxed preload can expose one
// function per channel without bundling the schemas. contract.ts must define exactly these (the type
// checker enforces it with `satisfies`).
export const CHANNEL_NAMES = [
  'app:status',
  'prefs:setLanguage',
  'session:create',
  'session:unlock',
  'session:lock',
  'reference:regions',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
