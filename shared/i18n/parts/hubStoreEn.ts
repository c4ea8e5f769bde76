// English texts of Settings → the hub's store of statistics (SQLite or PostgreSQL).
export const hubStoreEn = {
  hubStore: {
    title: 'Where the hub keeps statistics',
    intro:
      'The statistics contact points send can stay in this computer’s encrypted database, or go to a PostgreSQL database several analysts share. The Reports screen, its exports and the list of received packages read the store chosen here.',
    store: 'Store',
    sqlite: 'This computer’s encrypted database (SQLite)',
    postgres: 'A PostgreSQL database',
    address: 'PostgreSQL address',
    addressHint:
      'postgres://user:password@server:5432/hub?sslmode=verify-full. It is kept in this encrypted database and never shown again: to change it, type it whole.',
    current: 'In use',
    schemaVersion: 'Schema version of the PostgreSQL store',
    unreachable: 'The PostgreSQL store cannot be reached now. Reports work again once it can, or choose another store.',
    save: 'Save the store',
    saved: 'Saved. Reports now read the chosen store.',
  },
};
